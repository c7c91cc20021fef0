import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import type { RequestContext } from '@styrkedjan/platform';
import { SeedDirectoryCommand } from './directory/commands/seed-directory/seed-directory.command';
import { toDirectoryReferenceData } from './directory/domain/reference-data';
import { readReferenceRows, referenceDataDir } from './seed/reference-data.reader';

/**
 * Loads the reference data into the directory and prints what changed. Safe to run again: a second run
 * changes nothing and announces nothing. The events wait in the outbox for the running service's relay.
 */
async function seed(): Promise<void> {
  // Read and check the files first, so bad data stops the seed before it touches the database.
  const reference = toDirectoryReferenceData(readReferenceRows(referenceDataDir()));

  // A one-off command neither relays nor consumes. Set before AppModule loads: its imports read the config.
  process.env.SERVICE_ROLES = '';
  const { AppModule } = await import('./app.module');
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  try {
    // The system acts, not an organisation: no principal, no Idempotency-Key (the seed is idempotent by itself).
    const context: RequestContext = {
      principal: null,
      system: true,
      correlationId: `seed-${randomUUID()}`,
      idempotency: null,
    };
    const summary = await app.get(CommandBus).execute(new SeedDirectoryCommand(context, reference));
    console.log(JSON.stringify(summary, null, 2));
  } finally {
    await app.close();
  }
}

seed().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
