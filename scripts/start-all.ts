/**
 * `npm start`: loads the reference data, then runs every service as its own process, exactly as each
 * would run alone (`npm run start:service -- <name>`), with their output prefixed by name. Ctrl-C stops them all;
 * if one dies, the others are stopped too, so a broken system never looks half alive.
 *
 * With `--one-process` the services share one Node process instead (scripts/all-services.ts).
 *
 * With `--watch` (`npm run dev`) the Nest CLI recompiles dist/ on every change (`nest build --watch`) and each
 * service runs under `node --watch`, which restarts it when a file it loaded changes: a change to one service
 * restarts that service, a change to a library restarts every service that uses it.
 *
 * Without DATABASE_URL it first starts an embedded PostgreSQL (data kept in EMBEDDED_POSTGRES_DIR, else in
 * .data/postgres or, for root in a checkout the server's user cannot enter, under /var/tmp; reused by the next
 * start) and stops it last; without REDIS_URL the services put their queues on PostgreSQL.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { queueBackendKind } from '@styrkedjan/messaging';
import {
  embeddedDataDir,
  EmbeddedPostgres,
  launchPortOf,
  parseLauncherConfig,
  SERVICE_NAMES,
  ServiceName,
  startEmbeddedPostgres,
} from '@styrkedjan/platform';
import { serviceMainFile } from './service-code';

const DIST = join(__dirname, '..');
const REPOSITORY = dirname(DIST);
const children = new Map<string, ChildProcess>();
let stopping = false;
let embedded: EmbeddedPostgres | undefined;

interface RunOptions {
  args?: string[];
  cwd?: string;
  /** Under `node --watch`: restarted when a file it loaded changes, and kept waiting for a fix if it fails. */
  watch?: boolean;
}

function run(name: string, script: string, env: NodeJS.ProcessEnv, options: RunOptions = {}): ChildProcess {
  const node = options.watch ? ['--watch', '--watch-preserve-output'] : [];
  // The IPC channel lets a service notice that this launcher is gone (see runService).
  const child = spawn(process.execPath, [...node, script, ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env,
    cwd: options.cwd,
  });
  const prefix = `[${name}]`.padEnd(16);
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`${prefix} ${line}\n`);
    });
  }
  children.set(name, child);
  return child;
}

function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children.values()) if (child.exitCode === null) child.kill('SIGTERM');
  const wait = setInterval(() => {
    if ([...children.values()].every((child) => child.exitCode !== null || child.signalCode !== null)) {
      clearInterval(wait);
      // The database goes last, once nothing is writing to it.
      void (embedded?.stop() ?? Promise.resolve()).finally(() => process.exit(code));
    }
  }, 100);
}

async function waitUntilReady(name: ServiceName, url: string): Promise<void> {
  for (let attempt = 0; attempt < 600 && !stopping; attempt++) {
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not become ready`);
}

/**
 * `nest build --watch`, which first rebuilds dist/ from scratch; resolves once that build is written and the
 * compiler watches the sources.
 */
function startCompiler(): Promise<void> {
  const compiler = run('build', require.resolve('@nestjs/cli/bin/nest.js'), process.env, {
    args: ['build', '--watch'],
    cwd: REPOSITORY,
  });
  return new Promise((resolve, reject) => {
    compiler.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Watching for file changes')) resolve();
    });
    compiler.once('exit', (code) => reject(new Error(`the compiler stopped (exit ${code})`)));
  });
}

async function main(): Promise<void> {
  const config = parseLauncherConfig();
  const oneProcess = process.argv.includes('--one-process');
  const watch = process.argv.includes('--watch');
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));
  // Nothing may run from dist/ until the compiler has rebuilt it.
  if (watch) await startCompiler();

  // The secret the gateway signs the requests it hands on with: a new one each start unless configured, given to
  // every service (and to the one process) the same way.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SERVICE_AUTH_SECRET: config.SERVICE_AUTH_SECRET ?? randomBytes(48).toString('base64url'),
  };
  let database = '';
  if (!config.DATABASE_URL) {
    const dataDir = await embeddedDataDir(config.EMBEDDED_POSTGRES_DIR);
    const moved = dataDir.closed
      ? `not in the checkout: the 'postgres' user it runs as cannot enter ${dataDir.closed} (EMBEDDED_POSTGRES_DIR chooses)`
      : undefined;
    console.log(`Starting the embedded PostgreSQL (data in ${dataDir.path}${moved ? `, ${moved}` : ''}) ...`);
    embedded = await startEmbeddedPostgres({
      dataDir: dataDir.path,
      port: config.EMBEDDED_POSTGRES_PORT,
      durable: true,
    });
    const url = new URL(embedded.url);
    url.pathname = '/styrkedjan';
    env.DATABASE_URL = url.toString();
    database = `embedded, ${dataDir.path}, 127.0.0.1:${url.port}${moved ? `\n              ${moved}` : ''}`;
  } else {
    const url = new URL(config.DATABASE_URL);
    database = `${url.host}${url.pathname}`;
  }
  const queues =
    queueBackendKind(config) === 'redis' ? `Redis (${new URL(config.REDIS_URL!).host})` : 'PostgreSQL (schema bullmq)';

  const seed = run('seed', join(DIST, 'apps', 'directory', 'src', 'seed.js'), env);
  const [seedCode] = await new Promise<[number | null]>((resolve) => seed.on('exit', (code) => resolve([code])));
  children.delete('seed');
  if (seedCode !== 0) throw new Error(`seeding the directory failed (exit ${seedCode})`);

  if (oneProcess) run('services', join(DIST, 'scripts', 'all-services.js'), env, { watch });
  else {
    for (const name of SERVICE_NAMES) {
      // Each service listens on the port of its own <SERVICE>_URL, so one PORT never applies to all.
      run(name, serviceMainFile(name), { ...env, PORT: String(launchPortOf(config, name)) }, { watch });
    }
  }
  for (const [name, child] of children) {
    child.on('exit', (code, signal) => {
      if (stopping) return;
      console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping the others`);
      stopAll(1);
    });
  }
  await Promise.all(SERVICE_NAMES.map((name) => waitUntilReady(name, config.serviceUrls[name])));
  const gateway = `http://localhost:${new URL(config.serviceUrls.gateway).port}`;
  const watching = watch ? '  Watching:   apps/, libs/, scripts/; a change restarts the services that load it\n' : '';
  console.log(
    `\nStyrkedjan is up.\n  API:        ${gateway}\n  API docs:   ${gateway}/docs\n  PostgreSQL: ${database}\n  Queues:     ${queues}\n${watching}  Ctrl-C stops it.\n`,
  );
}

main().catch((error: Error) => {
  console.error(error.message);
  stopAll(1);
});
