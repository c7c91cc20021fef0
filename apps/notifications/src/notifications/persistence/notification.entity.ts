import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NotificationReason, NotificationSubject, NotifyingEventType } from '../domain/notification';

/** One item in an organisation's inbox, caused by one event. */
@Entity({ name: 'notifications' })
export class NotificationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text' })
  type: NotifyingEventType;

  /** What makes deliveries one notification: the event, or for a publication the support published. */
  @Column({ type: 'text' })
  occasion: string;

  @Column({ type: 'text', array: true })
  reasons: NotificationReason[];

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  message: string;

  @Column({ name: 'title_en', type: 'text' })
  titleEn: string;

  @Column({ name: 'message_en', type: 'text' })
  messageEn: string;

  /** A path to open when the subject alone is not where to go: a round, its report, a replacement. */
  @Column({ type: 'text', nullable: true })
  link: string | null;

  /** How much the words concern the organisation; a delivery with a higher priority replaces them. */
  @Column({ name: 'text_priority', type: 'int' })
  textPriority: number;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: NotificationSubject['type'];

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  /** When the event happened, not when it was delivered: the inbox orders by what happened. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
