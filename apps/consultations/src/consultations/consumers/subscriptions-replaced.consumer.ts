import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { FollowedAreasRepository } from '../persistence/followed-areas.repository';

/** The areas an organisation follows, for rounds sent to an area's followers; the newest list wins. */
@Injectable()
@EventConsumer('subscriptions.replaced')
export class SubscriptionsReplacedConsumer implements ConsumesEvent<'subscriptions.replaced'> {
  constructor(private readonly followedAreas: FollowedAreasRepository) {}

  async handle(event: EventOf<'subscriptions.replaced'>, tx: Transaction): Promise<void> {
    const { organisationId, areaCodes, replacedAt } = event.payload;
    await this.followedAreas.replace(tx.manager, organisationId.toLowerCase(), areaCodes, replacedAt);
  }
}
