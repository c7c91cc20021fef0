import { MessagingTables1763856000000, ReconciliationTables1764662400000 } from '@styrkedjan/messaging';
import { ServiceDatabase, SERVICES } from '@styrkedjan/platform';
import {
  KnownOrganisationEntity,
  OrganisationRegions1764979200001,
  ReferenceTables1763856000001,
} from '@styrkedjan/reference-data';
import { Consultations1765065600700 } from './migrations/1765065600700-consultations';

export const consultationsDatabase: ServiceDatabase = {
  schema: SERVICES.consultations.schema,
  // The reference tables come as one migration; this service keeps organisations only (no area consumers).
  entities: [KnownOrganisationEntity],
  migrations: [
    MessagingTables1763856000000,
    ReconciliationTables1764662400000,
    ReferenceTables1763856000001,
    OrganisationRegions1764979200001,
    Consultations1765065600700,
  ],
};
