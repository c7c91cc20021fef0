import { MessagingTables1763856000000, ReconciliationTables1764662400000 } from '@styrkedjan/messaging';
import { ServiceDatabase, SERVICES } from '@styrkedjan/platform';
import { FeedbackEntity } from '../feedback/persistence/feedback.entity';
import { KnownSupportEntity } from '../feedback/persistence/known-support.entity';
import { Feedback1763856000400 } from './migrations/1763856000400-feedback';
import { WithdrawnSupports1765152000400 } from './migrations/1765152000400-withdrawn-supports';

export const feedbackDatabase: ServiceDatabase = {
  schema: SERVICES.feedback.schema,
  entities: [FeedbackEntity, KnownSupportEntity],
  migrations: [
    MessagingTables1763856000000,
    Feedback1763856000400,
    ReconciliationTables1764662400000,
    WithdrawnSupports1765152000400,
  ],
};
