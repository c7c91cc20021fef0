import { MessagingTables1763856000000 } from '@styrkedjan/messaging';
import { ServiceDatabase, SERVICES } from '@styrkedjan/platform';
import { AreaEntity } from '../directory/persistence/area.entity';
import { OrganisationEntity } from '../directory/persistence/organisation.entity';
import { Directory1763856000200 } from './migrations/1763856000200-directory';

export const directoryDatabase: ServiceDatabase = {
  schema: SERVICES.directory.schema,
  entities: [OrganisationEntity, AreaEntity],
  migrations: [MessagingTables1763856000000, Directory1763856000200],
};
