import { MessagingTables1763856000000, ReconciliationTables1764662400000 } from '@styrkedjan/messaging';
import { ServiceDatabase, SERVICES } from '@styrkedjan/platform';
import { AreaEntity } from '../directory/persistence/area.entity';
import { OrganisationEntity } from '../directory/persistence/organisation.entity';
import { ProductTypeEntity } from '../directory/persistence/product-type.entity';
import { TargetGroupEntity } from '../directory/persistence/target-group.entity';
import { Directory1763856000200 } from './migrations/1763856000200-directory';
import { Vocabularies1764806400200 } from './migrations/1764806400200-vocabularies';

export const directoryDatabase: ServiceDatabase = {
  schema: SERVICES.directory.schema,
  entities: [OrganisationEntity, AreaEntity, TargetGroupEntity, ProductTypeEntity],
  migrations: [
    MessagingTables1763856000000,
    Directory1763856000200,
    ReconciliationTables1764662400000,
    Vocabularies1764806400200,
  ],
};
