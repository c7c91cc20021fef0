import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { ProjectionsRepository } from '../persistence/projections.repository';

/** The target groups a need may name: upserted, an older version arriving late changes nothing. */
@Injectable()
@EventConsumer('target-group.defined', 'target-group.updated')
export class TargetGroupConsumer implements ConsumesEvent<'target-group.defined' | 'target-group.updated'> {
  constructor(private readonly projections: ProjectionsRepository) {}

  async handle(event: EventOf<'target-group.defined' | 'target-group.updated'>, tx: Transaction): Promise<void> {
    await this.projections.keepTargetGroup(tx.manager, event.payload, event.aggregate.version);
  }
}
