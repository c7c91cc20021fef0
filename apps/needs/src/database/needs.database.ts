import { MessagingTables1763856000000 } from '@styrkedjan/messaging';
import { ServiceDatabase, SERVICES } from '@styrkedjan/platform';
import { KnownAreaEntity, KnownOrganisationEntity, ReferenceTables1763856000001 } from '@styrkedjan/reference-data';
import { NeedEntity } from '../needs/persistence/need.entity';
import { NeedSupportEntity } from '../needs/persistence/need-support.entity';
import { Needs1763856000100 } from './migrations/1763856000100-needs';
import { NeedVersions1764576000100 } from './migrations/1764576000100-need-versions';

export const needsDatabase: ServiceDatabase = {
  schema: SERVICES.needs.schema,
  entities: [NeedEntity, NeedSupportEntity, KnownAreaEntity, KnownOrganisationEntity],
  migrations: [
    MessagingTables1763856000000,
    ReferenceTables1763856000001,
    Needs1763856000100,
    NeedVersions1764576000100,
  ],
};
