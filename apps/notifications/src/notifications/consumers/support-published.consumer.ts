import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { KnownAreaEntity } from '@styrkedjan/reference-data';
import { supportPublishedText, TEXT_PRIORITY } from '../domain/notification';
import { NotificationsRepository } from '../persistence/notifications.repository';
import { organisationName } from './organisation-name';
import { publicationOrigin } from './origins';

/**
 * Alerts the followers of the support's area. The organisations whose needs it answers hear of it through
 * need.answered, which names endorsers as well; both land in one notification per organisation.
 */
@Injectable()
@EventConsumer('support.published')
export class SupportPublishedConsumer implements ConsumesEvent<'support.published'> {
  constructor(private readonly notifications: NotificationsRepository) {}

  async handle(event: EventOf<'support.published'>, tx: Transaction): Promise<void> {
    const { leadAgencyId, title, areaCode } = event.payload;
    const area = await tx.manager.findOneBy(KnownAreaEntity, { code: areaCode });
    await this.notifications.deliver(tx.manager, publicationOrigin(event), [], {
      areaCode,
      reason: 'subscribed_area',
      text: supportPublishedText({
        agencyName: await organisationName(tx, leadAgencyId),
        supportTitle: title,
        areaName: area?.name ?? areaCode,
      }),
      priority: TEXT_PRIORITY.other,
    });
  }
}
