import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@styrkedjan/messaging';
import { Clock } from '../../../config/clock';
import { ResponsesRepository } from '../../persistence/responses.repository';
import { RoundsRepository } from '../../persistence/rounds.repository';
import { aggregateOf, loadRound, roundRef } from '../round-events';
import { SendReminderCommand } from './send-reminder.command';

/**
 * Sends a round's reminder exactly once, however many jobs and replicas wake for it: the reminders_sent row is
 * inserted in the transaction that records consultation.closing-soon, and its primary key lets one of them through.
 */
@CommandHandler(SendReminderCommand)
export class SendReminderHandler implements ICommandHandler<SendReminderCommand, boolean> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly rounds: RoundsRepository,
    private readonly responses: ResponsesRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: SendReminderCommand): Promise<boolean> {
    return this.unitOfWork.run(command.context, 'send-reminder', async (tx) => {
      const round = await loadRound(this.rounds, command.consultationId, tx.manager, 'share');
      const now = this.clock.now();
      // Not due (the round was extended after this job was made), or too late to be of use.
      if (round.status === 'closed' || now < round.remindAt || now >= round.closesAt) return false;
      if (!(await this.rounds.markReminded(tx.manager, round.id, now))) return false;
      const responded = new Set(
        (await this.responses.respondents(round.id, tx.manager)).map((respondent) => respondent.organisationId),
      );
      const pending = (await this.rounds.consultees(round.id, tx.manager))
        .map((consultee) => consultee.organisationId)
        .filter((organisationId) => !responded.has(organisationId));
      // Everyone has answered: the reminder is spent, with no one to tell.
      if (!pending.length) return true;
      tx.record('consultation.closing-soon', aggregateOf(round), {
        ...roundRef(round),
        pendingConsulteeIds: pending,
        closesAt: round.closesAt.toISOString(),
        remindedAt: now.toISOString(),
      });
      return true;
    });
  }
}
