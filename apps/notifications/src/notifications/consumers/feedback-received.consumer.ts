import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { feedbackReceivedText, TEXT_PRIORITY } from '../domain/notification';
import { NotificationsRepository } from '../persistence/notifications.repository';
import { RecipientsRepository } from '../persistence/recipients.repository';
import { organisationName } from './directory-names';
import { eventOrigin } from './origins';

/**
 * Tells the lead agency that someone reported how its support works in practice, and keeps whether the giver
 * applies it: those that do are told of a major revision and of a withdrawal.
 */
@Injectable()
@EventConsumer('feedback.received')
export class FeedbackReceivedConsumer implements ConsumesEvent<'feedback.received'> {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly recipients: RecipientsRepository,
  ) {}

  async handle(event: EventOf<'feedback.received'>, tx: Transaction): Promise<void> {
    const { supportId, leadAgencyId, supportTitle, organisationId, usefulness, applicationStatus } = event.payload;
    await this.recipients.recordApplication(tx.manager, {
      supportId,
      organisationId,
      applied: applicationStatus === 'applied',
      reportedAt: event.payload.receivedAt,
    });
    const text = feedbackReceivedText({
      giverName: await organisationName(tx, organisationId),
      supportTitle,
      usefulness,
      applicationStatus,
    });
    await this.notifications.deliver(tx.manager, eventOrigin(event, { type: 'support', id: supportId }), [
      { organisationId: leadAgencyId, reason: 'feedback_on_your_support', text, priority: TEXT_PRIORITY.other },
    ]);
  }
}
