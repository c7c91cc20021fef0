/** Stops the embedded PostgreSQL that jest-global-setup started, if it did, and removes its files. */
import { rm } from 'node:fs/promises';
import type { EmbeddedPostgres } from '../../platform/src/database/embedded-postgres';

export const EMBEDDED_FOR_TESTS = '__styrkedjanEmbeddedPostgres';

export default async function stopTestDatabase(): Promise<void> {
  const started = (globalThis as Record<string, unknown>)[EMBEDDED_FOR_TESTS] as { server: EmbeddedPostgres; dir: string } | undefined;
  if (!started) return;
  delete (globalThis as Record<string, unknown>)[EMBEDDED_FOR_TESTS];
  await started.server.stop();
  await rm(started.dir, { recursive: true, force: true });
  delete process.env.DATABASE_URL;
}
