/**
 * `npm run migrate` / `node dist/scripts/migrate.js`: creates the database and every service's schema, and runs
 * each schema's pending migrations, then exits. Services still migrate their own schema when they start (a no-op
 * once this ran); running it once beforehand, as the container setup step does, means replicas of one service
 * starting together never race on the same migration, and a broken migration stops the deployment before any
 * service starts.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import {
  ensureSchema,
  parseConfig,
  PlatformConfig,
  serviceDataSourceOptions,
  SERVICE_NAMES,
} from '@styrkedjan/platform';
import { loadServiceDatabase } from './service-code';

/** Every service's schema (the gateway's holds API keys, the security log and rate limits). */
export async function migrate(config: PlatformConfig = parseConfig()): Promise<void> {
  for (const name of SERVICE_NAMES) {
    const database = await loadServiceDatabase(name);
    await ensureSchema(config, database.schema);
    // The same options the service starts with, but migrations are run here explicitly, to report them.
    const dataSource = new DataSource({
      ...serviceDataSourceOptions(config, database),
      migrationsRun: false,
    });
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      console.log(
        `${name}: ${applied.length ? `applied ${applied.map((migration) => migration.name).join(', ')}` : 'up to date'}`,
      );
    } finally {
      await dataSource.destroy();
    }
  }
}

if (require.main === module) {
  migrate().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  });
}
