import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { SupportChanges } from './support-changes';

/** A published support stays a candidate for other agencies' drafts to overlap, with its content as published. */
@Injectable()
@EventConsumer('support.published')
export class SupportPublishedConsumer implements ConsumesEvent<'support.published'> {
  constructor(private readonly changes: SupportChanges) {}

  async handle(event: EventOf<'support.published'>, tx: Transaction): Promise<void> {
    const published = event.payload;
    await this.changes.apply(tx, event, {
      supportId: published.supportId,
      version: event.aggregate.version,
      leadAgencyId: published.leadAgencyId,
      title: published.title,
      // A v1 publication (upcast) says nothing of these; empty, they leave the draft's alone.
      summary: published.summary || undefined,
      areaCode: published.areaCode,
      sector: published.sector,
      targetGroups: published.targetGroups.length ? published.targetGroups : undefined,
      audience: published.audience.organisationKinds.length ? published.audience : undefined,
      answersNeeds: published.answersNeeds.map((need) => need.needId),
      status: 'published',
    });
  }
}
