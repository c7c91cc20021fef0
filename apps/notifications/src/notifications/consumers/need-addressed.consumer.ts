import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { NEED_REASONS, needAddressedText, noticesTo } from '../domain/need-notices';
import { NotificationsRepository } from '../persistence/notifications.repository';
import { needOrigin } from './origins';
import { organisationName } from './directory-names';

/** Tells the need's stakeholders that an agency drafts a support answering it. */
@Injectable()
@EventConsumer('need.addressed')
export class NeedAddressedConsumer implements ConsumesEvent<'need.addressed'> {
  constructor(private readonly notifications: NotificationsRepository) {}

  async handle(event: EventOf<'need.addressed'>, tx: Transaction): Promise<void> {
    const { supportTitle, leadAgencyId, stakeholders } = event.payload;
    const input = { supportTitle, leadAgencyName: await organisationName(tx, leadAgencyId) };
    await this.notifications.deliver(
      tx.manager,
      needOrigin(event),
      noticesTo(stakeholders, NEED_REASONS, (role) => needAddressedText(input, role)),
    );
  }
}
