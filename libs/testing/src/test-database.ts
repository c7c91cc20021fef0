/**
 * A throwaway embedded PostgreSQL for a test or benchmark run without DATABASE_URL, so both need nothing but
 * Node: started before, pointed at through DATABASE_URL, stopped and removed after. Imports by relative path:
 * Jest loads this through its global setup, outside its module mapper.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EmbeddedPostgres,
  openToPostgresUser,
  startEmbeddedPostgres,
} from '../../platform/src/database/embedded-postgres';
import { closedToPostgresUser } from '../../platform/src/database/postgres-user';
import { freePort } from './free-port';

// Kept on globalThis: Jest runs global setup and teardown as separate module instances.
const STARTED = '__styrkedjanEmbeddedPostgres';

/** `durable`: fsync on, as `npm start` runs it (the benchmark); off for tests, which throw the data away. */
export async function startTestDatabase({ durable = false } = {}): Promise<void> {
  if (process.env.DATABASE_URL || STARTED in globalThis) return;
  // Root's server runs as the `postgres` user: a temporary directory it cannot enter gives way to /var/tmp.
  const parent = (await closedToPostgresUser(join(tmpdir(), 'cluster'))) ? '/var/tmp' : tmpdir();
  const dir = await mkdtemp(join(parent, 'styrkedjan-test-'));
  await openToPostgresUser(dir);
  const server = await startEmbeddedPostgres({ dataDir: join(dir, 'postgres'), port: await freePort(), durable });
  Object.assign(globalThis, { [STARTED]: { server, dir } });
  process.env.DATABASE_URL = server.url;
}

export async function stopTestDatabase(): Promise<void> {
  const started = (globalThis as Record<string, unknown>)[STARTED] as
    { server: EmbeddedPostgres; dir: string } | undefined;
  if (!started) return;
  delete (globalThis as Record<string, unknown>)[STARTED];
  await started.server.stop();
  await rm(started.dir, { recursive: true, force: true });
  delete process.env.DATABASE_URL;
}
