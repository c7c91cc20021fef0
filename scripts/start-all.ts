/**
 * `npm start`: loads the reference data, then runs every service as its own process, exactly as each
 * would run alone (`npm run start:service -- <name>`), with their output prefixed by name. Ctrl-C stops them all;
 * if one dies, the others are stopped too, so a broken system never looks half alive.
 *
 * With `--one-process` the services share one Node process instead (scripts/all-services.ts).
 *
 * Without DATABASE_URL it first starts an embedded PostgreSQL (data kept in EMBEDDED_POSTGRES_DIR, reused
 * by the next start) and stops it last; without REDIS_URL the services put their queues on PostgreSQL.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { queueBackendKind } from '@styrkedjan/messaging';
import {
  EmbeddedPostgres,
  launchPortOf,
  parseLauncherConfig,
  SERVICE_NAMES,
  ServiceName,
  startEmbeddedPostgres,
} from '@styrkedjan/platform';
import { serviceMainFile } from './service-code';

const DIST = join(__dirname, '..');
const children = new Map<string, ChildProcess>();
let stopping = false;
let embedded: EmbeddedPostgres | undefined;

function run(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  // The IPC channel lets a service notice that this launcher is gone (see runService).
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env });
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

async function main(): Promise<void> {
  const config = parseLauncherConfig();
  const oneProcess = process.argv.includes('--one-process');
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));

  const env: NodeJS.ProcessEnv = { ...process.env };
  if (!config.DATABASE_URL) {
    console.log(`Starting the embedded PostgreSQL (data in ${config.EMBEDDED_POSTGRES_DIR}) ...`);
    embedded = await startEmbeddedPostgres({
      dataDir: config.EMBEDDED_POSTGRES_DIR,
      port: config.EMBEDDED_POSTGRES_PORT,
      durable: true,
    });
    const url = new URL(embedded.url);
    url.pathname = '/styrkedjan';
    env.DATABASE_URL = url.toString();
  }
  const databaseUrl = new URL(env.DATABASE_URL!);
  const database = embedded
    ? `embedded, ${config.EMBEDDED_POSTGRES_DIR}, 127.0.0.1:${databaseUrl.port}`
    : `${databaseUrl.host}${databaseUrl.pathname}`;
  const queues =
    queueBackendKind(config) === 'redis' ? `Redis (${new URL(config.REDIS_URL!).host})` : 'PostgreSQL (schema bullmq)';

  const seed = run('seed', join(DIST, 'apps', 'directory', 'src', 'seed.js'), env);
  const [seedCode] = await new Promise<[number | null]>((resolve) => seed.on('exit', (code) => resolve([code])));
  children.delete('seed');
  if (seedCode !== 0) throw new Error(`seeding the directory failed (exit ${seedCode})`);

  if (oneProcess) run('services', join(DIST, 'scripts', 'all-services.js'), env);
  else {
    for (const name of SERVICE_NAMES) {
      // Each service listens on the port of its own <SERVICE>_URL, so one PORT never applies to all.
      run(name, serviceMainFile(name), { ...env, PORT: String(launchPortOf(config, name)) });
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
  console.log(
    `\nStyrkedjan is up.\n  API:        ${gateway}\n  API docs:   ${gateway}/docs\n  PostgreSQL: ${database}\n  Queues:     ${queues}\n  Ctrl-C stops it.\n`,
  );
}

main().catch((error: Error) => {
  console.error(error.message);
  stopAll(1);
});
