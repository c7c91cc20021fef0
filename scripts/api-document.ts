/**
 * `node dist/scripts/api-document.js [file]`: the API document the gateway serves at /docs-json, built
 * offline from the code (every service's controllers and DTOs, merged as the gateway merges them), without
 * a database or a running service. `npm run lint` checks it with Spectral's OWASP rules and Redocly's.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { serviceApiDocument, SERVICE_NAMES, ServiceName } from '@styrkedjan/platform';
import { gatewayApiDocument } from '../apps/gateway/src/docs/serve-api-docs';
import { mergeOpenApi } from '../apps/gateway/src/docs/merge-openapi';
import type { BackendService } from '../apps/gateway/src/routing/route-table';
import { loadServiceApplication } from './service-code';

// The modules read their configuration when loaded; nothing connects in preview mode, so any address will do.
process.env.DATABASE_URL ??= 'postgres://offline@127.0.0.1:1/offline';

async function documentOf(name: ServiceName): Promise<OpenAPIObject> {
  const { module } = await loadServiceApplication(name);
  // Preview: the module graph is resolved but no provider is made, so no database, queue or port is touched.
  const app = await NestFactory.create(module as never, new FastifyAdapter(), { preview: true, logger: false });
  try {
    return name === 'gateway' ? gatewayApiDocument(app) : serviceApiDocument(app, name);
  } finally {
    await app.close().catch(() => undefined);
  }
}

export async function buildApiDocument(): Promise<OpenAPIObject> {
  const own = await documentOf('gateway');
  const services = [];
  for (const service of SERVICE_NAMES.filter((name): name is BackendService => name !== 'gateway')) {
    services.push({ service, document: await documentOf(service) });
  }
  return mergeOpenApi(own, services);
}

if (require.main === module) {
  buildApiDocument().then(
    (document) => {
      const text = `${JSON.stringify(document, null, 2)}\n`;
      if (process.argv[2]) writeFileSync(process.argv[2], text);
      else process.stdout.write(text);
      process.exit(0);
    },
    (error: Error) => {
      console.error(error.stack ?? error.message);
      process.exit(1);
    },
  );
}
