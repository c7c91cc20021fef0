import { MessagingTables1763856000000, ReconciliationTables1764662400000 } from '@styrkedjan/messaging';
import { ServiceDatabase, SERVICES } from '@styrkedjan/platform';
import { EventLog1763856000600 } from './migrations/1763856000600-event-log';
import { Pipeline1763856000601 } from './migrations/1763856000601-pipeline';
import { SupportStageNames1764576000600 } from './migrations/1764576000600-support-stage-names';
import { NeedStages1764806400600 } from './migrations/1764806400600-need-stages';
import { SupportLifecycleStages1765152000600 } from './migrations/1765152000600-support-lifecycle-stages';

/** No entities: every statement here is an append, a bulk upsert or a keyset read, written in SQL. */
export const pipelineDatabase: ServiceDatabase = {
  schema: SERVICES.pipeline.schema,
  entities: [],
  migrations: [
    MessagingTables1763856000000,
    EventLog1763856000600,
    Pipeline1763856000601,
    SupportStageNames1764576000600,
    ReconciliationTables1764662400000,
    NeedStages1764806400600,
    SupportLifecycleStages1765152000600,
  ],
};
