import { ApiProperty } from '@nestjs/swagger';
import {
  NOTIFICATION_REASONS,
  NOTIFYING_EVENT_TYPES,
  NotificationReason,
  NotificationSubject,
  NotifyingEventType,
} from '../domain/notification';
import { InboxView, NotificationView } from '../views/notification.view';

class NotificationSubjectResponse implements NotificationSubject {
  @ApiProperty({ enum: ['support', 'need'] }) type: 'support' | 'need';
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
