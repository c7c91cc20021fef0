import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { KnownOrganisationEntity } from '@styrkedjan/reference-data';
import { supportPublishedText } from '../domain/notification';
import { NotificationsRepository } from '../persistence/notifications.repository';

/** Alerts the followers of the support's area and the organisations whose needs it answers. */
@Injectable()
@EventConsumer('support.published')
export class SupportPublishedConsumer implements ConsumesEvent<'support.published'> {
  constructor(private readonly notifications: NotificationsRepository) {}

  async handle(event: EventOf<'support.published'>, tx: Transaction): Promise<void> {
    const { supportId, leadAgencyId, title, areaCode, answersNeeds } = event.payload;
    const agency = await tx.manager.findOneBy(KnownOrganisationEntity, { id: leadAgencyId });
    await this.notifications.fanOutPublication(
      tx.manager,
      {
        type: event.type,
        eventId: event.id,
        occurredAt: event.occurredAt,
        subject: { type: 'support', id: supportId },
        text: supportPublishedText({ agencyName: agency?.name ?? null, supportTitle: title, areaCode }),
      },
      areaCode,
      answersNeeds.map((need) => need.organisationId),
    );
  }
}
