import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { SupportChanges } from './support-changes';

/** A new planned date moves the support in the calendar; the collisions of its audience are evaluated again. */
@Injectable()
@EventConsumer('support.rescheduled')
export class SupportRescheduledConsumer implements ConsumesEvent<'support.rescheduled'> {
  constructor(private readonly changes: SupportChanges) {}

  async handle(event: EventOf<'support.rescheduled'>, tx: Transaction): Promise<void> {
    const { supportId, leadAgencyId, title, areaCode, plannedReleaseDate } = event.payload;
    await this.changes.apply(tx, event, {
      supportId,
      version: event.aggregate.version,
      leadAgencyId,
      title,
      areaCode,
      plannedReleaseDate,
    });
  }
}
