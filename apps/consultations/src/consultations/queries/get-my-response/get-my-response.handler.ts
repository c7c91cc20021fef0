import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { NotFound, NotPermitted } from '@styrkedjan/platform';
import { ResponsesRepository } from '../../persistence/responses.repository';
import { RoundsRepository } from '../../persistence/rounds.repository';
import { ResponseView, toResponseView } from '../../views/response.view';
import { GetMyResponseQuery } from './get-my-response.query';

/** The response of the caller's organisation: 403 when it is no consultee, 404 while it has saved none. */
@QueryHandler(GetMyResponseQuery)
export class GetMyResponseHandler implements IQueryHandler<GetMyResponseQuery, ResponseView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rounds: RoundsRepository,
    private readonly responses: ResponsesRepository,
  ) {}

  async execute(query: GetMyResponseQuery): Promise<ResponseView> {
    const organisationId = query.context.principal.organisationId.toLowerCase();
    const round = await this.rounds.find(query.consultationId);
    if (!round) throw new NotFound('Consultation', query.consultationId);
    if (!(await this.rounds.isConsultee(round.id, organisationId, this.dataSource.manager)))
      throw new NotPermitted('Only the organisations consulted in this round respond to it.');
    const response = await this.responses.find(round.id, organisationId);
    if (!response) throw new NotFound('Response of your organisation to consultation', round.id);
    return toResponseView(response);
  }
}
