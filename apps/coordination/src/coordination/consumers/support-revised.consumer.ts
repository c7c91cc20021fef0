import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { SupportChanges } from './support-changes';

/** A published revision is the support's content from now on. */
@Injectable()
@EventConsumer('support.revised')
export class SupportRevisedConsumer implements ConsumesEvent<'support.revised'> {
  constructor(private readonly changes: SupportChanges) {}

  async handle(event: EventOf<'support.revised'>, tx: Transaction): Promise<void> {
    const revised = event.payload;
    await this.changes.apply(tx, event, {
      supportId: revised.supportId,
      version: event.aggregate.version,
      leadAgencyId: revised.leadAgencyId,
      title: revised.title,
      summary: revised.summary,
      areaCode: revised.areaCode,
      sector: revised.sector,
      targetGroups: revised.targetGroups,
      audience: revised.audience,
      answersNeeds: revised.answersNeeds.map((need) => need.needId),
      status: 'published',
    });
  }
}
