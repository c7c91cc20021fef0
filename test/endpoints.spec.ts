import 'reflect-metadata';
import { MODULE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod, Type } from '@nestjs/common';
import { EndpointDeclaration, ENDPOINTS } from '@styrkedjan/access';
import { OutboxFeedController } from '@styrkedjan/messaging';
import { ENDPOINT_METADATA, HealthController, MetricsController, ServiceName } from '@styrkedjan/platform';

// The modules parse their configuration as they are declared; nothing here connects to it.
process.env.DATABASE_URL ??= 'postgres://unused@127.0.0.1:1/unused';
/* eslint-disable @typescript-eslint/no-require-imports -- loaded after the environment above is set */
const APPS = Object.fromEntries(
  (Object.keys(ENDPOINTS) as ServiceName[]).map((service) => [
    service,
    (require(`../apps/${service}/src/app.module`) as { AppModule: Type }).AppModule,
  ]),
) as Record<ServiceName, Type>;
const { ProxyController } = require('../apps/gateway/src/routing/proxy.controller') as { ProxyController: Type };
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * Served outside the declarations: health is public and never proxied, the outbox feed is for the other services'
 * reconciliation only, a service's metrics are for the scraper on its own port (the gateway routes none of
 * these), and the proxy is the gateway's catch-all.
 */
const UNDECLARED = new Set<Type>([HealthController, OutboxFeedController, MetricsController, ProxyController]);

interface ServedRoute {
  controller: string;
  handler: string;
  method: string;
  path: string;
  declaration: EndpointDeclaration | undefined;
}

/** Every controller a module mounts, following its imports (dynamic modules included) as Nest would. */
function controllersOf(root: unknown, seen = new Set<unknown>()): Type[] {
  if (!root || seen.has(root)) return [];
  seen.add(root);
  const dynamic =
    typeof root === 'object' ? (root as { module?: Type; controllers?: Type[]; imports?: unknown[] }) : {};
  const module = typeof root === 'function' ? (root as Type) : dynamic.module;
  const controllers = [
    ...((module && Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, module)) ?? []),
    ...(dynamic.controllers ?? []),
  ] as Type[];
  const imports = [
    ...((module && Reflect.getMetadata(MODULE_METADATA.IMPORTS, module)) ?? []),
    ...(dynamic.imports ?? []),
  ];
  return [...new Set([...controllers, ...imports.flatMap((inner) => controllersOf(inner, seen))])];
}

function routesOf(app: Type): ServedRoute[] {
  return controllersOf(app)
    .filter((controller) => !UNDECLARED.has(controller))
    .flatMap((controller) => {
      const prefix = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '/');
      return Object.getOwnPropertyNames(controller.prototype)
        .map((handler) => ({ handler, fn: controller.prototype[handler] as object }))
        .filter(({ fn }) => typeof fn === 'function' && Reflect.hasMetadata(METHOD_METADATA, fn))
        .map(({ handler, fn }) => ({
          controller: controller.name,
          handler,
          method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod],
          path: join(prefix, String(Reflect.getMetadata(PATH_METADATA, fn))),
          declaration: Reflect.getMetadata(ENDPOINT_METADATA, fn) as EndpointDeclaration | undefined,
        }));
    });
}

function join(prefix: string, path: string): string {
  return `/${[prefix, path]
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
}

describe.each(Object.keys(APPS) as ServiceName[])('the routes of %s', (service) => {
  const served = routesOf(APPS[service]);
  const declared: EndpointDeclaration[] = Object.values(ENDPOINTS[service]);

  it('are all declared, each served as its declaration says', () => {
    for (const route of served) {
      const label = `${route.controller}.${route.handler} (${route.method} ${route.path})`;
      expect([label, declared.includes(route.declaration!)]).toEqual([label, true]);
      expect([label, route.method, route.path]).toEqual([label, route.declaration!.method, route.declaration!.path]);
    }
  });

  it('serve every declaration exactly once', () => {
    for (const declaration of declared) {
      const servers = served.filter((route) => route.declaration === declaration);
      expect([`${declaration.method} ${declaration.path}`, servers.length]).toEqual([
        `${declaration.method} ${declaration.path}`,
        1,
      ]);
    }
  });
});
