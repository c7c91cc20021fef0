import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';

/**
 * Two agencies resolved an overlap by coordinating (coordination.overlap-resolved with a coProducer): the other
 * agency becomes a co-producer of the named support. Adding is a set union in one statement, so a redelivery or
 * a co-producer already there changes nothing, and the lead agency is never its own co-producer. A merge (a support
 * to withdraw) is left to the lead agency's own withdrawal. No event and no new aggregate version: the supports
 * service announces a draft's co-producers with its next edit (support.updated carries them whole).
 */
@Injectable()
@EventConsumer('coordination.overlap-resolved')
export class OverlapResolvedConsumer implements ConsumesEvent<'coordination.overlap-resolved'> {
  async handle(event: EventOf<'coordination.overlap-resolved'>, tx: Transaction): Promise<void> {
    const { coProducer } = event.payload;
    if (!coProducer) return;
    await tx.manager.query(
      `UPDATE supports SET co_producer_ids = co_producer_ids || $2::uuid
       WHERE id = $1 AND lead_agency_id <> $2 AND NOT ($2::uuid = ANY (co_producer_ids))`,
      [coProducer.supportId, coProducer.organisationId],
    );
  }
}
