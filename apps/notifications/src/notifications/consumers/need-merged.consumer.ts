import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { NEED_REASONS, needMergedText, noticesTo } from '../domain/need-notices';
import { NotificationsRepository } from '../persistence/notifications.repository';
import { needOrigin } from './origins';

/** Tells the merged need's stakeholders where it went: the notification links to the surviving need. */
@Injectable()
@EventConsumer('need.merged')
export class NeedMergedConsumer implements ConsumesEvent<'need.merged'> {
  constructor(private readonly notifications: NotificationsRepository) {}

  async handle(event: EventOf<'need.merged'>, tx: Transaction): Promise<void> {
    const { intoNeedId, rationale, stakeholders } = event.payload;
    await this.notifications.deliver(
      tx.manager,
      needOrigin(event, { type: 'need', id: intoNeedId }),
      noticesTo(stakeholders, NEED_REASONS, (role) => needMergedText({ rationale }, role)),
    );
  }
}
