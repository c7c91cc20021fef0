import { MessagingTables1763856000000, ReconciliationTables1764662400000 } from '@styrkedjan/messaging';
import { ServiceDatabase, SERVICES } from '@styrkedjan/platform';
import {
  KnownAreaEntity,
  KnownOrganisationEntity,
  OrganisationRegions1764979200001,
  ReferenceTables1763856000001,
} from '@styrkedjan/reference-data';
import { Coordination1765065600800 } from './migrations/1765065600800-coordination';

export const coordinationDatabase: ServiceDatabase = {
  schema: SERVICES.coordination.schema,
  entities: [KnownAreaEntity, KnownOrganisationEntity],
  migrations: [
    MessagingTables1763856000000,
    ReferenceTables1763856000001,
    ReconciliationTables1764662400000,
    OrganisationRegions1764979200001,
    Coordination1765065600800,
  ],
};
