import { MessagingTables1763856000000, ReconciliationTables1764662400000 } from '@styrkedjan/messaging';
import { ServiceDatabase, SERVICES } from '@styrkedjan/platform';

export const consultationsDatabase: ServiceDatabase = {
  schema: SERVICES.consultations.schema,
  entities: [],
  migrations: [MessagingTables1763856000000, ReconciliationTables1764662400000],
};
