import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ensureDatabase, quoteIdentifier } from '@styrkedjan/platform';

/**
 * A database and a queue prefix of their own for one test file, on the PostgreSQL of DATABASE_URL (under Jest
 * without it, the embedded one that jest-global-setup starts): files never see each other's rows or jobs.
 */
export interface ThrowawayDatabase {
  url: string;
  queuePrefix: string;
}

/** On `server` when given (a chaos test's private PostgreSQL), else on DATABASE_URL's. */
export async function createThrowawayDatabase(server = process.env.DATABASE_URL): Promise<ThrowawayDatabase> {
  if (!server) {
    throw new Error('DATABASE_URL is not set: run the tests through Jest (it starts an embedded PostgreSQL) or set it');
  }
  const suffix = randomBytes(4).toString('hex');
  const url = new URL(server);
  url.pathname = `/styrkedjan_test_${suffix}`;
  await ensureDatabase(url.toString());
  return { url: url.toString(), queuePrefix: `t${suffix}` };
}

/** Drops the database, closing whatever connections are still open to it. */
export async function dropThrowawayDatabase(databaseUrl: string): Promise<void> {
  const admin = new URL(databaseUrl);
  const name = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
