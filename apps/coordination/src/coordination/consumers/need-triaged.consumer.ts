import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { AssignedNeedsRepository } from '../persistence/assigned-needs.repository';

/** A need accepted with a lead agency is that agency's: another agency's draft answering it is an overlap. */
@Injectable()
@EventConsumer('need.triaged')
export class NeedTriagedConsumer implements ConsumesEvent<'need.triaged'> {
  constructor(private readonly assignedNeeds: AssignedNeedsRepository) {}

  async handle(event: EventOf<'need.triaged'>, tx: Transaction): Promise<void> {
    const { needId, decision, leadAgencyId } = event.payload;
    const assignedTo = decision === 'accepted' ? leadAgencyId : null;
    await this.assignedNeeds.apply(tx.manager, needId, assignedTo, event.aggregate.version);
  }
}
