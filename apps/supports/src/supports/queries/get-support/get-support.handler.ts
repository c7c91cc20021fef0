import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@styrkedjan/platform';
import { EditionsRepository } from '../../persistence/editions.repository';
import { RegionalAdditionsRepository } from '../../persistence/regional-additions.repository';
import { SupportsRepository } from '../../persistence/supports.repository';
import { SupportDetailView } from '../../views/support.view';
import { GetSupportQuery } from './get-support.query';

/** One support: the working edition, the edition in force beside it, and the regions' additions. */
@QueryHandler(GetSupportQuery)
export class GetSupportHandler implements IQueryHandler<GetSupportQuery, SupportDetailView> {
  constructor(
    private readonly supports: SupportsRepository,
    private readonly editions: EditionsRepository,
    private readonly additions: RegionalAdditionsRepository,
  ) {}

  async execute(query: GetSupportQuery): Promise<SupportDetailView> {
    const support = await this.supports.findView(query.id);
    if (!support) throw new NotFound('Support', query.id);
    const [inForce, regionalAdditions] = await Promise.all([
      support.inForceEdition ? this.editions.find(support.id, support.inForceEdition) : null,
      this.additions.ofSupport(support.id),
    ]);
    return { ...support, inForce, regionalAdditions };
  }
}
