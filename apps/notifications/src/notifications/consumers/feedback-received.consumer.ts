import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { KnownOrganisationEntity } from '@styrkedjan/reference-data';
import { feedbackReceivedText } from '../domain/notification';
import { NotificationsRepository } from '../persistence/notifications.repository';

/** Tells the lead agency that someone reported how its support works in practice. */
@Injectable()
@EventConsumer('feedback.received')
export class FeedbackReceivedConsumer implements ConsumesEvent<'feedback.received'> {
  constructor(private readonly notifications: NotificationsRepository) {}

  async handle(event: EventOf<'feedback.received'>, tx: Transaction): Promise<void> {
    const { supportId, leadAgencyId, supportTitle, organisationId, usefulness, applicationStatus } = event.payload;
    const giver = await tx.manager.findOneBy(KnownOrganisationEntity, { id: organisationId });
    await this.notifications.notify(
      tx.manager,
      {
        type: event.type,
        eventId: event.id,
        occurredAt: event.occurredAt,
        subject: { type: 'support', id: supportId },
        text: feedbackReceivedText({ giverName: giver?.name ?? null, supportTitle, usefulness, applicationStatus }),
      },
      leadAgencyId,
      ['feedback_on_your_support'],
    );
  }
}
