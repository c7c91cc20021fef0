import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import type { KnownSupport } from '../domain/consultation';
import { KnownSupportsRepository } from '../persistence/known-supports.repository';

const SUPPORT_EVENTS = [
  'support.drafted',
  'support.updated',
  'support.published',
  'support.revision-started',
  'support.revised',
  'support.withdrawn',
] as const;
type SupportEvent = EventOf<(typeof SUPPORT_EVENTS)[number]>;

/** What each event says of the support's state and of the draft edition a round may open on. */
function stateAfter(event: SupportEvent): Pick<KnownSupport, 'status' | 'draftEdition'> {
  switch (event.type) {
    case 'support.drafted':
      return { status: 'draft', draftEdition: '1.0' }; // a new support's first edition
    case 'support.updated':
      return { status: 'draft', draftEdition: (event as EventOf<'support.updated'>).payload.edition };
    case 'support.revision-started':
      return { status: 'draft', draftEdition: (event as EventOf<'support.revision-started'>).payload.edition };
    case 'support.published':
    case 'support.revised':
      return { status: 'published', draftEdition: null };
    case 'support.withdrawn':
      return { status: 'withdrawn', draftEdition: null };
  }
}

/**
 * The supports' events, folded into this service's projection of them: a round opens only on a draft edition led
 * by the caller, and never on a withdrawn support. One consumer for the six, as they all describe one aggregate.
 */
@Injectable()
@EventConsumer(...SUPPORT_EVENTS)
export class SupportEventsConsumer implements ConsumesEvent<(typeof SUPPORT_EVENTS)[number]> {
  constructor(private readonly supports: KnownSupportsRepository) {}

  async handle(event: SupportEvent, tx: Transaction): Promise<void> {
    const { supportId, leadAgencyId, title, areaCode } = event.payload;
    await this.supports.apply(tx.manager, {
      supportId,
      leadAgencyId,
      title,
      areaCode,
      ...stateAfter(event),
      aggregateVersion: event.aggregate.version,
    });
  }
}
