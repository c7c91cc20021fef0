/**
 * Jest's global setup for the integration and system tests: without DATABASE_URL, starts a throwaway
 * embedded PostgreSQL and points the tests at it, so `npm test` needs nothing but Node. Imports by
 * relative path: Jest loads this file outside its module mapper.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openToPostgresUser, startEmbeddedPostgres } from '../../platform/src/database/embedded-postgres';
import { freePort } from './free-port';
import { EMBEDDED_FOR_TESTS } from './jest-global-teardown';

export default async function startTestDatabase(): Promise<void> {
  if (process.env.DATABASE_URL || EMBEDDED_FOR_TESTS in globalThis) return;
  const dir = await mkdtemp(join(tmpdir(), 'styrkedjan-test-'));
  await openToPostgresUser(dir);
  const server = await startEmbeddedPostgres({ dataDir: join(dir, 'postgres'), port: await freePort(), durable: false });
  Object.assign(globalThis, { [EMBEDDED_FOR_TESTS]: { server, dir } });
  process.env.DATABASE_URL = server.url;
}
