import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { ProjectionsRepository } from '../persistence/projections.repository';

/** Organisations' kind and county, for lead agencies and endorsement counts; the highest version wins. */
@Injectable()
@EventConsumer('organisation.registered', 'organisation.updated')
export class OrganisationConsumer implements ConsumesEvent<'organisation.registered' | 'organisation.updated'> {
  constructor(private readonly projections: ProjectionsRepository) {}

  async handle(event: EventOf<'organisation.registered' | 'organisation.updated'>, tx: Transaction): Promise<void> {
    await this.projections.keepOrganisation(tx.manager, event.payload, event.aggregate.version);
  }
}
