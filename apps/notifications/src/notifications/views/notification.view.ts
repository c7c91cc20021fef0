import type { NotificationReason, NotificationSubject, NotifyingEventType } from '../domain/notification';
import { NotificationEntity } from '../persistence/notification.entity';

/** A notification as the API shows it: plain JSON with ISO dates. */
export interface NotificationView {
  id: string;
  organisationId: string;
  type: NotifyingEventType;
  reasons: NotificationReason[];
  title: string;
  message: string;
  titleEn: string;
  messageEn: string;
  subject: NotificationSubject;
  link: string | null;
  eventId: string;
  createdAt: string;
  readAt: string | null;
}

export interface InboxView {
  items: NotificationView[];
  /** Unread in the whole inbox, whatever the filter and page. */
  unreadCount: number;
  nextCursor: string | null;
}

export function toNotificationView(row: NotificationEntity): NotificationView {
  return {
    id: row.id,
    organisationId: row.organisationId,
    type: row.type,
    reasons: row.reasons,
    title: row.title,
    message: row.message,
    titleEn: row.titleEn,
    messageEn: row.messageEn,
    subject: { type: row.subjectType, id: row.subjectId },
    link: row.link,
    eventId: row.eventId,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
