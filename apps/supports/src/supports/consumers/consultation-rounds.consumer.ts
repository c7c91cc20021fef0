import { Injectable } from '@nestjs/common';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { HistoryRepository } from '../persistence/history.repository';
import { RoundEvent, RoundEventType, RoundsRepository } from '../persistence/rounds.repository';

/**
 * The rounds of consultation of each support, so that publishing can wait for them to close and for every comment
 * to be answered; opening, extending and closing are steps in the support's history. Idempotent and
 * order-independent (see RoundsRepository); the history is keyed by event.
 */
@Injectable()
@EventConsumer('consultation.opened', 'consultation.extended', 'consultation.closed', 'consultation.comment-answered')
export class ConsultationRoundsConsumer implements ConsumesEvent<RoundEventType> {
  constructor(
    private readonly rounds: RoundsRepository,
    private readonly history: HistoryRepository,
  ) {}

  async handle(event: RoundEvent, tx: Transaction): Promise<void> {
    await this.rounds.apply(tx.manager, event);
    if (event.type !== 'consultation.comment-answered') await this.history.keep(tx.manager, event);
  }
}
