import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@styrkedjan/platform';
import { KnownSupportsRepository } from '../../persistence/known-supports.repository';
import { RoundsRepository } from '../../persistence/rounds.repository';
import { ConsultationSummaryView, toConsultationView } from '../../views/consultation.view';
import { ListSupportConsultationsQuery } from './list-support-consultations.query';

/** A support's rounds, newest first; a support has a handful, so there is no paging. */
@QueryHandler(ListSupportConsultationsQuery)
export class ListSupportConsultationsHandler implements IQueryHandler<
  ListSupportConsultationsQuery,
  { items: ConsultationSummaryView[] }
> {
  constructor(
    private readonly supports: KnownSupportsRepository,
    private readonly rounds: RoundsRepository,
  ) {}

  async execute(query: ListSupportConsultationsQuery): Promise<{ items: ConsultationSummaryView[] }> {
    if (!(await this.supports.find(query.supportId))) throw new NotFound('Support', query.supportId);
    const items = await Promise.all(
      (await this.rounds.listForSupport(query.supportId)).map(async (round) => {
        const { consultees, ...view } = toConsultationView(round, await this.rounds.consultees(round.id));
        return { ...view, consulteeCount: consultees.length };
      }),
    );
    return { items };
  }
}
