import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@styrkedjan/platform';
import type { DirectoryReferenceData } from '../../domain/reference-data';
import type { SeedCounts } from './seed-plan';

export interface SeedDirectorySummary {
  organisations: SeedCounts;
  areas: SeedCounts;
  targetGroups: SeedCounts;
  productTypes: SeedCounts;
}

/** Brings the directory up to the reference data: adds what is missing, updates what differs. */
export class SeedDirectoryCommand extends Command<SeedDirectorySummary> {
  constructor(
    readonly context: RequestContext,
    readonly reference: DirectoryReferenceData,
  ) {
    super();
  }
}
