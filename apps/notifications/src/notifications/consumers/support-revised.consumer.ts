import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { concernedNotices, supportRevisedText } from '../domain/lifecycle-notices';
import { revisionOccasion } from '../domain/notification';
import { NotificationsRepository } from '../persistence/notifications.repository';
import { RecipientsRepository } from '../persistence/recipients.repository';
import { concernedBy } from './concerned';
import { areaName, organisationName } from './directory-names';
import { editionOrigin } from './origins';
import { publishEdition } from './published-editions';

/**
 * A major revision alerts the area's followers, the submitters of the needs it answers and the organisations
 * that last reported it applied; a minor one alerts none of them. Either way, those who commented in a round
 * of the new edition are told their comments were answered, with the report: the round asked them.
 */
@Injectable()
@EventConsumer('support.revised')
export class SupportRevisedConsumer implements ConsumesEvent<'support.revised'> {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly recipients: RecipientsRepository,
  ) {}

  async handle(event: EventOf<'support.revised'>, tx: Transaction): Promise<void> {
    const { supportId, leadAgencyId, title, areaCode, change, changeNote, edition } = event.payload;
    const agencyName = await organisationName(tx, leadAgencyId);
    const published = {
      supportId,
      edition,
      type: event.type,
      occasion: revisionOccasion(supportId, edition),
      title,
      leadAgencyId,
      eventId: event.id,
      publishedAt: event.occurredAt,
    };
    const commenters = await publishEdition(tx, this.recipients, published, agencyName);
    const origin = editionOrigin(published);
    if (change === 'minor') {
      await this.notifications.deliver(tx.manager, origin, commenters);
      return;
    }
    const input = {
      leadAgencyName: agencyName,
      supportTitle: title,
      areaName: await areaName(tx, areaCode),
      edition,
      changeNote,
    };
    const concerned = concernedNotices(await concernedBy(tx, this.recipients, event), (concern) =>
      supportRevisedText(input, concern),
    );
    await this.notifications.deliver(tx.manager, origin, [...commenters, ...concerned.notices], concerned.followers);
  }
}
