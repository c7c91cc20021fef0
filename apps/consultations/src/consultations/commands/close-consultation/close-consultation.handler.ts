import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@styrkedjan/messaging';
import type { OrganisationKind } from '@styrkedjan/contracts';
import { Clock } from '../../../config/clock';
import { requireLead, requireOpen, responseRates, Round } from '../../domain/consultation';
import { ResponsesRepository } from '../../persistence/responses.repository';
import { RoundsRepository } from '../../persistence/rounds.repository';
import { ConsultationView, toConsultationView } from '../../views/consultation.view';
import { aggregateOf, loadRound, roundRef } from '../round-events';
import { CloseConsultationCommand } from './close-consultation.command';

/** Closes a round once: who responded, who did not, the response rates and how many comments await answers. */
@CommandHandler(CloseConsultationCommand)
export class CloseConsultationHandler implements ICommandHandler<CloseConsultationCommand, ConsultationView | null> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly rounds: RoundsRepository,
    private readonly responses: ResponsesRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: CloseConsultationCommand): Promise<ConsultationView | null> {
    return this.unitOfWork.run(command.context, 'close-consultation', async (tx) => {
      const round = await loadRound(this.rounds, command.consultationId, tx.manager, 'update');
      const now = this.clock.now();
      if (command.byLead) {
        requireLead(round.leadAgencyId, command.context.principal!.organisationId, 'close its consultation');
        requireOpen(round);
      } else if (round.status === 'closed' || now < round.closesAt) return null;
      const closed: Round = {
        ...round,
        status: 'closed',
        closedAt: now,
        early: now < round.closesAt,
        version: round.version + 1,
      };
      await this.rounds.close(tx.manager, closed);
      const consultees = await this.rounds.consultees(round.id, tx.manager);
      const respondents = await this.responses.respondents(round.id, tx.manager);
      const responded = new Set(respondents.map((respondent) => respondent.organisationId));
      const rates = responseRates(consultees, responded);
      tx.record('consultation.closed', aggregateOf(closed), {
        ...roundRef(closed),
        early: closed.early,
        respondents,
        nonRespondentIds: consultees
          .map((consultee) => consultee.organisationId)
          .filter((organisationId) => !responded.has(organisationId)),
        responseRates: {
          byKind: rates.byKind.map((rate) => ({ ...rate, kind: rate.kind as OrganisationKind })),
          byCounty: rates.byCounty,
        },
        commentCount: respondents.reduce((sum, respondent) => sum + respondent.commentCount, 0),
        closedAt: now.toISOString(),
      });
      return toConsultationView(closed, consultees);
    });
  }
}
