import { ReferenceDataModule } from '@styrkedjan/reference-data';
import { ServiceTestbed } from '@styrkedjan/testing';
import { notificationsDatabase } from './database/notifications.database';
import { NotificationsModule } from './notifications/notifications.module';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';

/** The notifications service's handlers on a database of their own. */
export function startNotificationsTestbed(): Promise<ServiceTestbed> {
  return ServiceTestbed.start({
    service: 'notifications',
    database: notificationsDatabase,
    imports: [
      ReferenceDataModule.forRoot({ areas: true, organisations: true }),
      SubscriptionsModule,
      NotificationsModule,
    ],
  });
}

/**
 * Puts notifications in an organisation's inbox as the support.published consumer leaves them: `unread` of
 * them unread, then `read` read a day ago. Returns their ids in that order.
 */
export async function fillInbox(
  testbed: ServiceTestbed,
  organisationId: string,
  { unread = 0, read = 0 }: { unread?: number; read?: number },
): Promise<string[]> {
  const { rows } = await testbed.db.query<{ id: string }>(
    `INSERT INTO notifications (id, organisation_id, type, reasons, title, message, subject_type, subject_id, event_id, created_at, read_at)
     SELECT gen_random_uuid(), $1, 'support.published', '{subscribed_area}', 'Publicerat', 'Ett stöd', 'support',
            gen_random_uuid(), gen_random_uuid(), now(), CASE WHEN n > $2::int THEN now() - interval '1 day' END
     FROM generate_series(1, $2::int + $3::int) AS n ORDER BY n
     RETURNING id`,
    [organisationId, unread, read],
  );
  return rows.map((row) => row.id);
}
