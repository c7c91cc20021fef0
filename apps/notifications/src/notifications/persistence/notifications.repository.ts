import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { decodeTimeIdCursor, toPage } from '@styrkedjan/platform';
import type {
  NotificationReason,
  NotificationSubject,
  NotificationText,
  NotifyingEventType,
} from '../domain/notification';
import { NotificationEntity } from './notification.entity';
import { InboxView, NotificationView, toNotificationView } from '../views/notification.view';

/** What every notification caused by one event shares. */
export interface NotificationOrigin {
  type: NotifyingEventType;
  eventId: string;
  occurredAt: string;
  subject: NotificationSubject;
  text: NotificationText;
}

export interface InboxFilter {
  organisationId: string;
  /** true: only unread; false: only read; undefined: all. */
  unread?: boolean;
  limit: number;
  cursor?: string;
}

const SUBSCRIBED_AREA: NotificationReason = 'subscribed_area';
const ANSWERS_YOUR_NEED: NotificationReason = 'answers_your_need';

@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One notification per recipient of a published support, in a single INSERT ... SELECT: the
   * followers of the area and the owners of the needs it answers, merged so that an organisation that
   * is both gets one notification with both reasons. The unique (organisation_id, event_id) makes a
   * second delivery of the event insert nothing. Returns how many were inserted.
   */
  async fanOutPublication(
    manager: EntityManager,
    origin: NotificationOrigin,
    areaCode: string,
    needOwnerIds: readonly string[],
  ): Promise<number> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO notifications (id, organisation_id, type, reasons, title, message, subject_type, subject_id, event_id, created_at)
       SELECT gen_random_uuid(), recipient.organisation_id, $1, array_agg(recipient.reason ORDER BY recipient.rank),
              $2, $3, $4, $5, $6, $7
       FROM (
         SELECT organisation_id, $8::text AS reason, 1 AS rank FROM subscriptions WHERE area_code = $9
         UNION ALL
         SELECT DISTINCT owner, $10::text, 2 FROM unnest($11::uuid[]) AS owner
       ) AS recipient
       GROUP BY recipient.organisation_id
       ON CONFLICT ON CONSTRAINT notifications_once_per_event DO NOTHING
       RETURNING id`,
      [
        origin.type,
        origin.text.title,
        origin.text.message,
        origin.subject.type,
        origin.subject.id,
        origin.eventId,
        origin.occurredAt,
        SUBSCRIBED_AREA,
        areaCode,
        ANSWERS_YOUR_NEED,
        needOwnerIds,
      ],
    );
    return inserted.length;
  }

  /** One notification to one organisation; a second delivery of the event inserts nothing. */
  async notify(
    manager: EntityManager,
    origin: NotificationOrigin,
    organisationId: string,
    reasons: readonly NotificationReason[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO notifications (id, organisation_id, type, reasons, title, message, subject_type, subject_id, event_id, created_at)
       VALUES (gen_random_uuid(), $1, $2, $3::text[], $4, $5, $6, $7, $8, $9)
       ON CONFLICT ON CONSTRAINT notifications_once_per_event DO NOTHING`,
      [
        organisationId,
        origin.type,
        reasons,
        origin.text.title,
        origin.text.message,
        origin.subject.type,
        origin.subject.id,
        origin.eventId,
        origin.occurredAt,
      ],
    );
  }

  /** An inbox newest first, keyset-paginated on (created_at, id), with the unread count of the whole inbox. */
  async inbox(filter: InboxFilter): Promise<InboxView> {
    const query = this.dataSource.manager
      .createQueryBuilder(NotificationEntity, 'notification')
      .where('notification.organisationId = :organisationId', { organisationId: filter.organisationId })
      .orderBy('notification.createdAt', 'DESC')
      .addOrderBy('notification.id', 'DESC')
      .limit(filter.limit + 1);
    if (filter.unread === true) query.andWhere('notification.readAt IS NULL');
    if (filter.unread === false) query.andWhere('notification.readAt IS NOT NULL');
    const after = decodeTimeIdCursor(filter.cursor);
    if (after)
      query.andWhere(
        '(notification.createdAt, notification.id) < (CAST(:at AS timestamptz), CAST(:id AS uuid))',
        after,
      );
    const [rows, unreadCount] = await Promise.all([
      query.getMany(),
      this.dataSource.manager.countBy(NotificationEntity, { organisationId: filter.organisationId, readAt: IsNull() }),
    ]);
    const page = toPage(rows, filter.limit, toNotificationView, (row) => [row.createdAt.toISOString(), row.id]);
    return { items: page.items, unreadCount, nextCursor: page.nextCursor };
  }

  /**
   * Marks one notification read; marking it again keeps the first time. Null when the inbox has no
   * such notification, so another organisation's id is indistinguishable from a made-up one.
   */
  async markRead(organisationId: string, notificationId: string): Promise<NotificationView | null> {
    await this.dataSource.query(
      'UPDATE notifications SET read_at = now() WHERE id = $1 AND organisation_id = $2 AND read_at IS NULL',
      [notificationId, organisationId],
    );
    const row = await this.dataSource.manager.findOneBy(NotificationEntity, { id: notificationId, organisationId });
    return row ? toNotificationView(row) : null;
  }

  async markAllRead(organisationId: string): Promise<number> {
    const [, marked]: [unknown[], number] = await this.dataSource.query(
      'UPDATE notifications SET read_at = now() WHERE organisation_id = $1 AND read_at IS NULL',
      [organisationId],
    );
    return marked;
  }
}
