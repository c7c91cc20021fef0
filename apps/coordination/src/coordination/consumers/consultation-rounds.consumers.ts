import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { ConsultationsRepository, KnownConsultation } from '../persistence/consultations.repository';
import { SupportChanges } from './support-changes';

type RoundEvent = EventOf<'consultation.opened'> | EventOf<'consultation.extended'> | EventOf<'consultation.closed'>;

/** The day a round closes, in the calendar of its support's audience: when it opens, moves or closes early. */
@Injectable()
class ConsultationRounds {
  constructor(
    private readonly consultations: ConsultationsRepository,
    private readonly changes: SupportChanges,
  ) {}

  async apply(event: RoundEvent, tx: Transaction, round: Pick<KnownConsultation, 'closesAt' | 'status'>) {
    const { consultationId, supportId, leadAgencyId, supportTitle } = event.payload;
    await this.consultations.apply(tx.manager, {
      consultationId,
      supportId,
      leadAgencyId,
      supportTitle,
      ...round,
      version: event.aggregate.version,
    });
    await this.changes.relay(tx, event, supportId);
  }
}

@Injectable()
@EventConsumer('consultation.opened')
export class ConsultationOpenedConsumer implements ConsumesEvent<'consultation.opened'> {
  constructor(private readonly rounds: ConsultationRounds) {}

  async handle(event: EventOf<'consultation.opened'>, tx: Transaction): Promise<void> {
    await this.rounds.apply(event, tx, { closesAt: event.payload.closesAt, status: 'open' });
  }
}

@Injectable()
@EventConsumer('consultation.extended')
export class ConsultationExtendedConsumer implements ConsumesEvent<'consultation.extended'> {
  constructor(private readonly rounds: ConsultationRounds) {}

  async handle(event: EventOf<'consultation.extended'>, tx: Transaction): Promise<void> {
    await this.rounds.apply(event, tx, { closesAt: event.payload.closesAt, status: 'open' });
  }
}

/** A round closed early closes on that day in the calendar. */
@Injectable()
@EventConsumer('consultation.closed')
export class ConsultationClosedConsumer implements ConsumesEvent<'consultation.closed'> {
  constructor(private readonly rounds: ConsultationRounds) {}

  async handle(event: EventOf<'consultation.closed'>, tx: Transaction): Promise<void> {
    await this.rounds.apply(event, tx, { closesAt: event.payload.closedAt, status: 'closed' });
  }
}

export const CONSULTATION_ROUND_PROVIDERS = [
  ConsultationRounds,
  ConsultationOpenedConsumer,
  ConsultationExtendedConsumer,
  ConsultationClosedConsumer,
];
