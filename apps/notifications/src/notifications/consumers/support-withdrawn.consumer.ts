import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { concernedNotices, supportLink, supportWithdrawnText } from '../domain/lifecycle-notices';
import { NotificationsRepository } from '../persistence/notifications.repository';
import { RecipientsRepository } from '../persistence/recipients.repository';
import { concernedBy } from './concerned';
import { areaName, organisationName } from './directory-names';
import { eventOrigin } from './origins';

/**
 * Tells everyone concerned that a support was withdrawn, why, and what replaces it (linked): the area's
 * followers, the submitters of the needs it answered and the organisations that last reported it applied.
 */
@Injectable()
@EventConsumer('support.withdrawn')
export class SupportWithdrawnConsumer implements ConsumesEvent<'support.withdrawn'> {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly recipients: RecipientsRepository,
  ) {}

  async handle(event: EventOf<'support.withdrawn'>, tx: Transaction): Promise<void> {
    const { supportId, leadAgencyId, title, areaCode, reason, replacedBySupportId } = event.payload;
    const input = {
      leadAgencyName: await organisationName(tx, leadAgencyId),
      supportTitle: title,
      areaName: await areaName(tx, areaCode),
      reason,
      replaced: replacedBySupportId !== null,
      replacementTitle: replacedBySupportId && (await this.recipients.titleOf(tx.manager, replacedBySupportId)),
    };
    const concerned = concernedNotices(
      await concernedBy(tx, this.recipients, event),
      (concern) => supportWithdrawnText(input, concern),
      replacedBySupportId && supportLink(replacedBySupportId),
    );
    await this.notifications.deliver(
      tx.manager,
      eventOrigin(event, { type: 'support', id: supportId }),
      concerned.notices,
      concerned.followers,
    );
  }
}
