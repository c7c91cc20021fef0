import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { feedbackReceivedText, occasionOf, TEXT_PRIORITY } from '../domain/notification';
import { NotificationsRepository } from '../persistence/notifications.repository';
import { organisationName } from './organisation-name';

/** Tells the lead agency that someone reported how its support works in practice. */
@Injectable()
@EventConsumer('feedback.received')
export class FeedbackReceivedConsumer implements ConsumesEvent<'feedback.received'> {
  constructor(private readonly notifications: NotificationsRepository) {}

  async handle(event: EventOf<'feedback.received'>, tx: Transaction): Promise<void> {
    const { supportId, leadAgencyId, supportTitle, organisationId, usefulness, applicationStatus } = event.payload;
    const text = feedbackReceivedText({
      giverName: await organisationName(tx, organisationId),
      supportTitle,
      usefulness,
      applicationStatus,
    });
    await this.notifications.deliver(
      tx.manager,
      {
        type: event.type,
        occasion: occasionOf(event.id),
        eventId: event.id,
        occurredAt: event.occurredAt,
        subject: { type: 'support', id: supportId },
      },
      [{ organisationId: leadAgencyId, reason: 'feedback_on_your_support', text, priority: TEXT_PRIORITY.other }],
    );
  }
}
