/**
 * docker/compose.yml, with its `${VAR:-default}`s filled in as compose would with nothing set, is valid against
 * the Compose Specification's JSON schema (vendored as docker/compose-spec.schema.json), and holds what this
 * system needs: every service of the manifest and no other from the image, each with a health check and an
 * environment the services' own config accepts, with every address pointing at a compose service rather than
 * loopback; Redis without eviction and with AOF; the one-shot setup that every service waits for; only the
 * gateway published.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { isServiceName, parseConfig, SERVICE_NAMES, SERVICE_PORTS, ServiceName } from '@styrkedjan/platform';
import { Findings, step } from './findings';

const LOOPBACK = /(^|[/@])(127\.\d+\.\d+\.\d+|localhost|\[::1\])([:/]|$)/;

type Dict = Record<string, unknown>;
const isDict = (value: unknown): value is Dict => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A YAML scalar as compose reads it into a string; anything else shown as JSON, never as `[object Object]`. */
function scalar(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Compose's variable substitution with an empty environment: what `docker compose up` sees with nothing set. */
function interpolate(value: unknown, env: Dict = {}): unknown {
  if (typeof value === 'string') {
    return value.replace(
      /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
      (match: string, name?: string, op?: string, arg?: string, bare?: string): string => {
        if (match === '$$') return '$';
        const key = (name ?? bare)!;
        const set = env[key] as string | undefined;
        if (op === ':-') return set ? set : (arg ?? '');
        if (op === '-') return set ?? arg ?? '';
        if (op === ':?' || op === '?') {
          if (set === undefined || (op === ':?' && set === '')) throw new Error(`compose requires ${key}: ${arg}`);
          return set;
        }
        return set ?? '';
      },
    );
  }
  if (Array.isArray(value)) return value.map((item) => interpolate(item, env));
  if (isDict(value))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolate(item, env)]));
  return value;
}

/** A service's environment as the process sees it: compose accepts a map or a KEY=VALUE list. */
function environmentOf(service: Dict): Record<string, string> {
  const env = service.environment;
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((entry) => String(entry).split(/=(.*)/s).slice(0, 2) as [string, string]));
  }
  return Object.fromEntries(
    Object.entries(isDict(env) ? env : {}).map(([key, value]) => [key, value === null ? '' : scalar(value)]),
  );
}

function commandOf(service: Dict): string[] {
  const command = service.command;
  if (Array.isArray(command)) return command.map(String);
  return typeof command === 'string' ? command.split(/\s+/).filter(Boolean) : [];
}

function dependsOn(service: Dict): Record<string, string> {
  const deps = service.depends_on;
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((name) => [String(name), 'service_started']));
  return Object.fromEntries(
    Object.entries(isDict(deps) ? deps : {}).map(([name, spec]) => [name, String((spec as Dict).condition)]),
  );
}

/** Every string in a parsed config, with the path to it, to find addresses that would stay inside one container. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, `${path}[${index}]`));
  if (isDict(value))
    return Object.entries(value).flatMap(([key, item]) => strings(item, path ? `${path}.${key}` : key));
  return [];
}

/** Checks docker/compose.yml; returns the Dockerfile its services are built from. */
export function checkCompose(docker: string, findings: Findings): string {
  const expect = findings.expect.bind(findings);
  step('docker/compose.yml against the Compose Specification schema');
  const raw = parse(readFileSync(join(docker, 'compose.yml'), 'utf8'), { merge: true }) as unknown;
  // What an operator must give (compose refuses to start without them): the identity provider, the services' secret.
  const operator = {
    AUTH_JWKS_URL: 'https://idp.example.se/.well-known/jwks.json',
    AUTH_ISSUER: 'https://idp.example.se',
    SERVICE_AUTH_SECRET: 'x'.repeat(48),
  };
  const compose = interpolate(raw, operator) as Dict;
  const schema = JSON.parse(readFileSync(join(docker, 'compose-spec.schema.json'), 'utf8')) as Dict;
  // The schema names draft-07 by an https URI Ajv does not know as its own; the keywords are draft-07's.
  delete schema.$schema;
  const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
  if (!validate(compose)) {
    for (const error of validate.errors ?? [])
      findings.problems.push(`compose.yml${error.instancePath}: ${error.message} ${JSON.stringify(error.params)}`);
  } else {
    console.log('valid');
  }

  step('docker/compose.yml holds what the services need');
  const services = (isDict(compose.services) ? compose.services : {}) as Record<string, Dict>;
  const names = Object.keys(services);
  for (const name of [...SERVICE_NAMES, 'postgres', 'redis', 'setup'])
    expect(services[name], `compose.yml has no service '${name}'`);
  // What runs the image besides the setup must be a service of the manifest, or the others never reach it.
  for (const name of names.filter((other) => other !== 'setup' && services[other].image === services.setup?.image))
    expect(isServiceName(name), `${name}: runs the image but is no service of libs/platform/src/services.ts`);

  const redis = services.redis ?? {};
  const redisArgs = commandOf(redis).join(' ');
  expect(/--maxmemory-policy[ =]noeviction\b/.test(redisArgs), 'redis: BullMQ needs --maxmemory-policy noeviction');
  expect(/--appendonly[ =]yes\b/.test(redisArgs), 'redis: BullMQ needs persistence: --appendonly yes');
  for (const [name, dataDir] of [
    ['postgres', '/var/lib/postgresql/data'],
    ['redis', '/data'],
  ] as const) {
    const store = services[name] ?? {};
    const volumes = (Array.isArray(store.volumes) ? store.volumes : []).map((volume) =>
      isDict(volume) ? `${scalar(volume.source)}:${scalar(volume.target)}` : scalar(volume),
    );
    expect(
      volumes.some((volume) => volume.split(':')[1] === dataDir),
      `${name}: its data (${dataDir}) needs a volume`,
    );
    expect(
      isDict(store.healthcheck) && store.healthcheck.test && !store.healthcheck.disable,
      `${name}: needs a health check`,
    );
  }

  const setup = services.setup ?? {};
  expect(commandOf(setup).join(' ') === 'setup', 'setup: its command must be [setup] (migrate, then seed)');
  expect(scalar(setup.restart ?? 'no') === 'no', 'setup: a one-shot step must not restart');
  for (const store of ['postgres', 'redis'])
    expect(dependsOn(setup)[store] === 'service_healthy', `setup: must wait for ${store} to be healthy`);

  for (const name of names) {
    if (name !== 'gateway') expect(!services[name].ports, `${name}: only the gateway publishes a port`);
  }
  const gatewayPorts = (Array.isArray(services.gateway?.ports) ? services.gateway.ports : []).map(String);
  expect(
    gatewayPorts.length === 1 && gatewayPorts[0].endsWith(`:${SERVICE_PORTS.gateway}`),
    `gateway: publish its port ${SERVICE_PORTS.gateway}`,
  );

  // The port each service listens on inside its container, to check every URL the others are given.
  const listensOn = (name: ServiceName) => Number(environmentOf(services[name] ?? {}).PORT || SERVICE_PORTS[name]);
  for (const name of [...SERVICE_NAMES, 'setup']) {
    const service = services[name];
    if (!service) continue;
    const env = environmentOf(service);
    if (name !== 'setup') {
      const runs = commandOf(service)[0] ?? env.SERVICE;
      expect(runs === name, `${name}: runs '${runs}' (set SERVICE: ${name})`);
      const test = isDict(service.healthcheck) ? service.healthcheck.test : undefined;
      expect(
        Array.isArray(test) && test.join(' ').includes('container.js health') && !(service.healthcheck as Dict).disable,
        `${name}: needs the health check (container.js health)`,
      );
      expect(
        dependsOn(service).setup === 'service_completed_successfully',
        `${name}: must wait for setup (condition: service_completed_successfully)`,
      );
      expect(env.HOST === '0.0.0.0', `${name}: HOST=0.0.0.0, or it listens on the container's loopback only`);
      expect(
        env.SERVICE_AUTH_SECRET === operator.SERVICE_AUTH_SECRET,
        `${name}: needs SERVICE_AUTH_SECRET, the one secret of every service`,
      );
    }
    let config: ReturnType<typeof parseConfig>;
    try {
      config = parseConfig(env);
    } catch (error) {
      findings.problems.push(`${name}: its environment fails the services' config: ${(error as Error).message}`);
      continue;
    }
    // Every default address is loopback, which inside a container is the container itself: each must be set.
    for (const [key, value] of strings({ ...config, serviceUrls: undefined })) {
      expect(!LOOPBACK.test(value), `${name}: ${key} is ${value}, inside a container that is the container itself`);
    }
    for (const other of SERVICE_NAMES) {
      const url = new URL(config.serviceUrls[other]);
      expect(
        url.hostname === other && Number(url.port) === listensOn(other),
        `${name}: ${other.toUpperCase()}_URL is ${url.href}, expected http://${other}:${listensOn(other)}`,
      );
    }
    for (const key of ['DATABASE_URL', 'REDIS_URL'] as const) {
      const value = (config as unknown as Record<string, unknown>)[key];
      if (typeof value === 'string')
        expect(names.includes(new URL(value).hostname), `${name}: ${key} names no compose service (${value})`);
    }
  }
  for (const other of SERVICE_NAMES.filter((service) => service !== 'gateway')) {
    expect(
      dependsOn(services.gateway ?? {})[other] === 'service_healthy',
      `gateway: must wait for ${other} to be healthy (its readiness asks every service)`,
    );
  }
  const build = services.directory?.build;
  const dockerfile = isDict(build)
    ? join(docker, scalar(build.context ?? '.'), scalar(build.dockerfile ?? 'Dockerfile'))
    : '';
  expect(dockerfile && existsSync(dockerfile), `build: no Dockerfile at ${dockerfile}`);
  return dockerfile;
}
