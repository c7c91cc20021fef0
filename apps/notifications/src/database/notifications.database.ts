import { MessagingTables1763856000000, ReconciliationTables1764662400000 } from '@styrkedjan/messaging';
import { ServiceDatabase, SERVICES } from '@styrkedjan/platform';
import {
  KnownAreaEntity,
  KnownOrganisationEntity,
  ReferenceTables1763856000001,
  OrganisationRegions1764979200001,
} from '@styrkedjan/reference-data';
import { NotificationEntity } from '../notifications/persistence/notification.entity';
import { SubscriptionEntity } from '../subscriptions/persistence/subscription.entity';
import { Notifications1763856000500 } from './migrations/1763856000500-notifications';
import { NotificationOccasions1764806400500 } from './migrations/1764806400500-notification-occasions';
import { LifecycleNotifications1764979200500 } from './migrations/1764979200500-lifecycle-notifications';

export const notificationsDatabase: ServiceDatabase = {
  schema: SERVICES.notifications.schema,
  entities: [SubscriptionEntity, NotificationEntity, KnownAreaEntity, KnownOrganisationEntity],
  migrations: [
    MessagingTables1763856000000,
    ReferenceTables1763856000001,
    Notifications1763856000500,
    ReconciliationTables1764662400000,
    NotificationOccasions1764806400500,
    OrganisationRegions1764979200001,
    LifecycleNotifications1764979200500,
  ],
};
