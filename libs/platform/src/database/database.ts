import { Client } from 'pg';
import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { PlatformConfig } from '../config';

export interface ServiceDatabase {
  /** The service's own PostgreSQL schema: no other service reads or writes it. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/**
 * TypeORM options for one service. The connection's search_path is the service's schema, so raw SQL
 * (outbox, processed events) names its tables unqualified and can only touch its own.
 */
export function serviceDataSourceOptions(config: PlatformConfig, database: ServiceDatabase): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    schema: database.schema,
    entities: database.entities,
    migrations: database.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    applicationName: `styrkedjan-${database.schema}`,
    poolSize: config.DATABASE_POOL_SIZE,
    extra: { options: `-c search_path=${database.schema},public` },
  };
}

/** Creates the database and the service's schema if missing: migrations need the schema to record themselves in. */
export async function ensureSchema(config: PlatformConfig, schema: string): Promise<void> {
  await ensureDatabase(config.DATABASE_URL);
  const client = new Client({ connectionString: config.DATABASE_URL });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
  } catch (error) {
    // Two processes of one service starting together race on the catalogue; the loser finds it made.
    if ((error as { code?: string }).code !== '23505') throw error;
  } finally {
    await client.end();
  }
}

/** Creates the database named in the URL when it does not exist yet, connecting to `postgres` to do so. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== '42P04' && code !== '23505') throw error;
  } finally {
    await client.end();
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
