import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@styrkedjan/messaging';
import { Clock } from '../../../config/clock';
import { CONSULTATIONS_CONFIG, ConsultationsConfig } from '../../../config/consultations.config';
import { extendedDeadline, reminderOf, requireLead, Round } from '../../domain/consultation';
import { RoundsRepository } from '../../persistence/rounds.repository';
import { RoundScheduler } from '../../scheduling/round-scheduler';
import { ConsultationView, toConsultationView } from '../../views/consultation.view';
import { aggregateOf, loadRound, roundRef } from '../round-events';
import { ExtendConsultationCommand } from './extend-consultation.command';

/** Moves a round's deadline later; its reminder moves with it (unless it was sent already: once per round). */
@CommandHandler(ExtendConsultationCommand)
export class ExtendConsultationHandler implements ICommandHandler<ExtendConsultationCommand, ConsultationView> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly rounds: RoundsRepository,
    private readonly scheduler: RoundScheduler,
    private readonly clock: Clock,
    @Inject(CONSULTATIONS_CONFIG) private readonly config: ConsultationsConfig,
  ) {}

  async execute(command: ExtendConsultationCommand): Promise<ConsultationView> {
    const extended = await this.unitOfWork.run(command.context, 'extend-consultation', async (tx) => {
      const round = await loadRound(this.rounds, command.consultationId, tx.manager, 'update');
      requireLead(round.leadAgencyId, command.context.principal.organisationId, 'extend its consultation');
      const now = this.clock.now();
      const deadline = extendedDeadline(round, command.closesAt, now);
      const next: Round = {
        ...round,
        ...deadline,
        remindAt: reminderOf(deadline.closesAt, this.config.reminderDays),
        version: round.version + 1,
      };
      await this.rounds.saveDeadline(tx.manager, next);
      const consultees = await this.rounds.consultees(round.id, tx.manager);
      tx.record('consultation.extended', aggregateOf(next), {
        ...roundRef(next),
        consulteeIds: consultees.map((consultee) => consultee.organisationId),
        previousClosesAt: round.closesAt.toISOString(),
        closesAt: next.closesAt.toISOString(),
        reason: command.reason,
        extendedAt: now.toISOString(),
      });
      return toConsultationView(next, consultees);
    });
    await this.scheduler.schedule({
      id: extended.id,
      remindAt: new Date(extended.remindAt),
      closesAt: new Date(extended.closesAt),
    });
    return extended;
  }
}
