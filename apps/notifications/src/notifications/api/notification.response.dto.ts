import { ApiProperty } from '@nestjs/swagger';
import {
  NOTIFICATION_REASONS,
  NOTIFYING_EVENT_TYPES,
  NotificationReason,
  NotificationSubject,
  NotifyingEventType,
  SUBJECT_TYPES,
} from '../domain/notification';
import { InboxView, NotificationView } from '../views/notification.view';

class NotificationSubjectResponse implements NotificationSubject {
  @ApiProperty({ enum: SUBJECT_TYPES }) type: NotificationSubject['type'];
  @ApiProperty({ format: 'uuid' }) id: string;
}

export class NotificationResponse implements NotificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The organisation whose inbox this is' }) organisationId: string;
  @ApiProperty({
    enum: NOTIFYING_EVENT_TYPES,
    description: 'What it is about, by the event that tells it; a publication is support.published for every reason',
  })
  type: NotifyingEventType;
  @ApiProperty({ enum: NOTIFICATION_REASONS, isArray: true, description: 'Every reason the organisation has, sorted' })
  reasons: NotificationReason[];
  @ApiProperty({ example: 'Ert behov har accepterats' }) title: string;
  @ApiProperty({ example: 'Socialstyrelsen har publicerat "Vårdprogram för depression" inom Primärvård' })
  message: string;
  @ApiProperty({ example: 'Your need was accepted' }) titleEn: string;
  @ApiProperty({ example: 'Socialstyrelsen published "Vårdprogram för depression" in Primary care' })
  messageEn: string;
  @ApiProperty({ type: NotificationSubjectResponse }) subject: NotificationSubjectResponse;
  @ApiProperty({
    nullable: true,
    type: String,
    maxLength: 200,
    example: '/consultations/0b8a3c4e-6f1d-4a55-9d0e-2f0c7f1a9e21/report',
    description: 'A path to open when the subject alone is not where to go: a round, its report, a replacement',
  })
  link: string | null;
  @ApiProperty({ format: 'uuid', description: 'The first event that caused it' }) eventId: string;
  @ApiProperty({ format: 'date-time', description: 'When the event happened' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt: string | null;
}

export class InboxResponse implements InboxView {
  @ApiProperty({ type: [NotificationResponse], description: 'Newest first' }) items: NotificationResponse[];
  @ApiProperty({ description: 'Unread notifications in the whole inbox' }) unreadCount: number;
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class MarkedReadResponse {
  @ApiProperty({ description: 'How many notifications were unread and are now read' }) marked: number;
}
