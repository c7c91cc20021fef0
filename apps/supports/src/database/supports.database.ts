import { MessagingTables1763856000000, ReconciliationTables1764662400000 } from '@styrkedjan/messaging';
import { ServiceDatabase, SERVICES } from '@styrkedjan/platform';
import {
  KnownAreaEntity,
  KnownOrganisationEntity,
  ReferenceTables1763856000001,
  KnownProductTypeEntity,
  KnownTargetGroupEntity,
  OrganisationRegions1764979200001,
  ReferenceVocabularies1765152000001,
} from '@styrkedjan/reference-data';
import { KnownNeedEntity } from '../supports/persistence/known-need.entity';
import { SupportEntity } from '../supports/persistence/support.entity';
import { Supports1763856000300 } from './migrations/1763856000300-supports';
import { SupportLifecycle1765152000300 } from './migrations/1765152000300-support-lifecycle';

export const supportsDatabase: ServiceDatabase = {
  schema: SERVICES.supports.schema,
  entities: [
    SupportEntity,
    KnownNeedEntity,
    KnownAreaEntity,
    KnownOrganisationEntity,
    KnownTargetGroupEntity,
    KnownProductTypeEntity,
  ],
  migrations: [
    MessagingTables1763856000000,
    ReferenceTables1763856000001,
    Supports1763856000300,
    ReconciliationTables1764662400000,
    OrganisationRegions1764979200001,
    ReferenceVocabularies1765152000001,
    SupportLifecycle1765152000300,
  ],
};
