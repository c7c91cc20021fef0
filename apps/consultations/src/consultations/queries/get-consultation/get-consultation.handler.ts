import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@styrkedjan/platform';
import { RoundsRepository } from '../../persistence/rounds.repository';
import { ConsultationView, toConsultationView } from '../../views/consultation.view';
import { GetConsultationQuery } from './get-consultation.query';

@QueryHandler(GetConsultationQuery)
export class GetConsultationHandler implements IQueryHandler<GetConsultationQuery, ConsultationView> {
  constructor(private readonly rounds: RoundsRepository) {}

  async execute(query: GetConsultationQuery): Promise<ConsultationView> {
    const round = await this.rounds.find(query.consultationId);
    if (!round) throw new NotFound('Consultation', query.consultationId);
    return toConsultationView(round, await this.rounds.consultees(round.id));
  }
}
