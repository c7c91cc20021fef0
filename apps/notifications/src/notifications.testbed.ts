import { randomUUID } from 'node:crypto';
import {
  EVENT_CATALOGUE,
  EventOf,
  EventType,
  PayloadOf,
  PRODUCER_NAMES,
  produces,
  validateEvent,
} from '@styrkedjan/contracts';
import { ReferenceDataModule } from '@styrkedjan/reference-data';
import { ServiceTestbed } from '@styrkedjan/testing';
import { notificationsDatabase } from './database/notifications.database';
import { NotificationsModule } from './notifications/notifications.module';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';

/** The notifications service's handlers on a database of their own; with `queues`, its consumer host too. */
export function startNotificationsTestbed({ queues = false } = {}): Promise<ServiceTestbed> {
  return ServiceTestbed.start({
    service: 'notifications',
    database: notificationsDatabase,
    queues,
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
    `INSERT INTO notifications (id, organisation_id, type, occasion, reasons, title, message, title_en, message_en,
                                subject_type, subject_id, event_id, created_at, read_at)
     SELECT gen_random_uuid(), $1, 'support.published', gen_random_uuid(), '{subscribed_area}', 'Publicerat', 'Ett stöd',
            'Published', 'A support', 'support', gen_random_uuid(), gen_random_uuid(), now(),
            CASE WHEN n > $2::int THEN now() - interval '1 day' END
     FROM generate_series(1, $2::int + $3::int) AS n ORDER BY n
     RETURNING id`,
    [organisationId, unread, read],
  );
  return rows.map((row) => row.id);
}

/**
 * An event as a producer's relay delivers it (checked against the catalogue), in the version producers write today,
 * of the aggregate and version given.
 */
export function delivered<T extends EventType>(
  type: T,
  aggregate: { type: string; id: string; version: number },
  payload: PayloadOf<T>,
  occurredAt = new Date().toISOString(),
): EventOf<T> {
  return validateEvent({
    id: randomUUID(),
    type,
    version: EVENT_CATALOGUE[type].version,
    occurredAt,
    producer: PRODUCER_NAMES.find((producer) => produces(producer, type)) ?? 'unknown',
    actor: { organisationId: randomUUID(), userId: 'user-1', method: 'jwt' },
    correlationId: randomUUID(),
    causationId: null,
    aggregate,
    payload,
  }) as EventOf<T>;
}

/** A notification as a spec asserts it: its words, reasons, link and subject. */
export interface InboxRow {
  type: string;
  reasons: string[];
  title: string;
  message: string;
  title_en: string;
  message_en: string;
  link: string | null;
  subject_type: string;
  subject_id: string;
}

/** An organisation's inbox, oldest first. */
export async function inboxOf(testbed: ServiceTestbed, organisationId: string): Promise<InboxRow[]> {
  const { rows } = await testbed.db.query<InboxRow>(
    `SELECT type, reasons, title, message, title_en, message_en, link, subject_type, subject_id::text
     FROM notifications WHERE organisation_id = $1 ORDER BY created_at, id`,
    [organisationId],
  );
  return rows;
}
