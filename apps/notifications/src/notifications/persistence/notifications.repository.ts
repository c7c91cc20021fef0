import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { decodeTimeIdCursor, toPage } from '@styrkedjan/platform';
import type { Notice } from '../domain/need-notices';
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
  /** Deliveries of one occasion to one organisation are one notification (`occasionOf`, `publicationOccasion`). */
  occasion: string;
  eventId: string;
  occurredAt: string;
  subject: NotificationSubject;
}

/** Every follower of an area, told in the same words. */
export interface AreaFollowers {
  areaCode: string;
  reason: NotificationReason;
  text: NotificationText;
  priority: number;
  /** Where to go from the notification when its subject alone is not it (a round, a report, a replacement). */
  link?: string | null;
}

export interface InboxFilter {
  organisationId: string;
  /** true: only unread; false: only read; undefined: all. */
  unread?: boolean;
  limit: number;
  cursor?: string;
}

/** What a delivery whose words concern the organisation more replaces; the notification then shows as unread again. */
const TEXT_COLUMNS = ['type', 'title', 'message', 'title_en', 'message_en', 'link', 'subject_type', 'subject_id'];

@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One notification per recipient of an occasion, in a single INSERT ... SELECT: the notices given and the
   * followers of an area, merged so that an organisation with several reasons gets one notification with all
   * of them and the words of its highest-priority reason. A second delivery, or another event of the same
   * occasion (a publication's need.answered after its support.published), merges into the row already there:
   * the reasons are a sorted union and the words of the higher priority win, so the row does not depend on
   * the order the events arrive in. Returns how many notifications were new.
   */
  async deliver(
    manager: EntityManager,
    origin: NotificationOrigin,
    notices: readonly Notice[],
    followers?: AreaFollowers,
  ): Promise<number> {
    const pick = (column: string) => `(array_agg(recipient.${column} ORDER BY recipient.priority DESC))[1]`;
    const keepBetter = (column: string) =>
      `${column} = CASE WHEN EXCLUDED.text_priority > n.text_priority THEN EXCLUDED.${column} ELSE n.${column} END`;
    const rows: { inserted: boolean }[] = await manager.query(
      `INSERT INTO notifications AS n (id, organisation_id, type, occasion, reasons, title, message, title_en, message_en,
              link, text_priority, subject_type, subject_id, event_id, created_at)
       SELECT gen_random_uuid(), recipient.organisation_id, $1, $2,
              array_agg(DISTINCT recipient.reason ORDER BY recipient.reason),
              ${['title', 'message', 'title_en', 'message_en', 'link'].map(pick).join(', ')},
              max(recipient.priority), $3, $4, $5, $6
       FROM (
         SELECT organisation_id, $7::text AS reason, $8::text AS title, $9::text AS message, $10::text AS title_en,
                $11::text AS message_en, $12::text AS link, $13::int AS priority
         FROM subscriptions WHERE area_code = $14
         UNION ALL
         SELECT * FROM unnest($15::uuid[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[], $21::text[],
                              $22::int[])
       ) AS recipient (organisation_id, reason, title, message, title_en, message_en, link, priority)
       GROUP BY recipient.organisation_id
       ON CONFLICT ON CONSTRAINT notifications_once_per_occasion DO UPDATE SET
         reasons = ARRAY(SELECT DISTINCT reason FROM unnest(n.reasons || EXCLUDED.reasons) AS reason ORDER BY reason),
         ${TEXT_COLUMNS.map(keepBetter).join(', ')},
         read_at = CASE WHEN EXCLUDED.text_priority > n.text_priority THEN NULL ELSE n.read_at END,
         text_priority = GREATEST(n.text_priority, EXCLUDED.text_priority),
         created_at = LEAST(n.created_at, EXCLUDED.created_at)
       RETURNING (n.xmax = 0) AS inserted`,
      [
        origin.type,
        origin.occasion,
        origin.subject.type,
        origin.subject.id,
        origin.eventId,
        origin.occurredAt,
        followers?.reason ?? null,
        followers?.text.title ?? null,
        followers?.text.message ?? null,
        followers?.text.titleEn ?? null,
        followers?.text.messageEn ?? null,
        followers?.link ?? null,
        followers?.priority ?? null,
        followers?.areaCode ?? null,
        notices.map((notice) => notice.organisationId),
        notices.map((notice) => notice.reason),
        notices.map((notice) => notice.text.title),
        notices.map((notice) => notice.text.message),
        notices.map((notice) => notice.text.titleEn),
        notices.map((notice) => notice.text.messageEn),
        notices.map((notice) => notice.link ?? null),
        notices.map((notice) => notice.priority),
      ],
    );
    return rows.filter((row) => row.inserted).length;
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
