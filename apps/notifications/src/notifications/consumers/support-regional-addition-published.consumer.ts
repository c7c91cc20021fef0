import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { noticesFor, regionalAdditionText } from '../domain/lifecycle-notices';
import { TEXT_PRIORITY } from '../domain/notification';
import { NotificationsRepository } from '../persistence/notifications.repository';
import { RecipientsRepository } from '../persistence/recipients.repository';
import { organisationName } from './directory-names';
import { eventOrigin } from './origins';

/** Tells the municipalities of the region (their `region_id` in the directory) of its addition to a national support. */
@Injectable()
@EventConsumer('support.regional-addition-published')
export class SupportRegionalAdditionPublishedConsumer implements ConsumesEvent<'support.regional-addition-published'> {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly recipients: RecipientsRepository,
  ) {}

  async handle(event: EventOf<'support.regional-addition-published'>, tx: Transaction): Promise<void> {
    const { supportId, supportTitle, regionId, title } = event.payload;
    const text = regionalAdditionText({ regionName: await organisationName(tx, regionId), supportTitle, title });
    await this.notifications.deliver(
      tx.manager,
      eventOrigin(event, { type: 'support', id: supportId }),
      noticesFor(await this.recipients.municipalitiesOf(tx.manager, regionId), {
        reason: 'in_your_region',
        text,
        priority: TEXT_PRIORITY.other,
        link: `/organisations/${regionId}/regional-additions`,
      }),
    );
  }
}
