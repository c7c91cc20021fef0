import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { ANSWER_REASONS, needAnsweredText, noticesTo } from '../domain/need-notices';
import { publicationOrigin } from './origins';
import { NotificationsRepository } from '../persistence/notifications.repository';
import { organisationName } from './directory-names';

/**
 * Tells the need's stakeholders that a support answering it was published. It is the publication's
 * notification (support.published tells the area's followers): an organisation gets one for the publication,
 * with every reason it has, whichever of the events arrives first.
 */
@Injectable()
@EventConsumer('need.answered')
export class NeedAnsweredConsumer implements ConsumesEvent<'need.answered'> {
  constructor(private readonly notifications: NotificationsRepository) {}

  async handle(event: EventOf<'need.answered'>, tx: Transaction): Promise<void> {
    const { supportTitle, leadAgencyId, stakeholders } = event.payload;
    const input = { supportTitle, leadAgencyName: await organisationName(tx, leadAgencyId) };
    await this.notifications.deliver(
      tx.manager,
      publicationOrigin(event),
      noticesTo(stakeholders, ANSWER_REASONS, (role) => needAnsweredText(input, role)),
    );
  }
}
