import { MessagingTables1763856000000, ReconciliationTables1764662400000 } from '@styrkedjan/messaging';
import { ServiceDatabase, SERVICES } from '@styrkedjan/platform';
import {
  KnownAreaEntity,
  KnownOrganisationEntity,
  KnownTargetGroupEntity,
  ReferenceTables1763856000001,
  OrganisationRegions1764979200001,
} from '@styrkedjan/reference-data';
import { NeedEntity } from '../needs/persistence/need.entity';
import { NeedSupportEntity } from '../needs/persistence/need-support.entity';
import { NeedSupporterEntity } from '../needs/persistence/need-supporter.entity';
import { NeedTransitionEntity } from '../needs/persistence/need-transition.entity';
import { KnownSupportEntity, NeedsOrganisationEntity } from '../needs/persistence/projections.entity';
import { Needs1763856000100 } from './migrations/1763856000100-needs';
import { NeedVersions1764576000100 } from './migrations/1764576000100-need-versions';
import { NeedsFirst1764748800100 } from './migrations/1764748800100-needs-first';
import { WithdrawnSupports1765152000100 } from './migrations/1765152000100-withdrawn-supports';
import { SimilarNeedTerms1765238400100 } from './migrations/1765238400100-similar-need-terms';

export const needsDatabase: ServiceDatabase = {
  schema: SERVICES.needs.schema,
  entities: [
    NeedEntity,
    NeedSupportEntity,
    NeedSupporterEntity,
    NeedTransitionEntity,
    KnownTargetGroupEntity,
    NeedsOrganisationEntity,
    KnownSupportEntity,
    KnownAreaEntity,
    KnownOrganisationEntity,
  ],
  migrations: [
    MessagingTables1763856000000,
    ReferenceTables1763856000001,
    Needs1763856000100,
    NeedVersions1764576000100,
    ReconciliationTables1764662400000,
    NeedsFirst1764748800100,
    OrganisationRegions1764979200001,
    WithdrawnSupports1765152000100,
    SimilarNeedTerms1765238400100,
  ],
};
