import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@styrkedjan/platform';
import { TargetGroupsRepository } from '../../persistence/target-groups.repository';
import { TargetGroupView } from '../../views/target-group.view';
import { GetTargetGroupQuery } from './get-target-group.query';

@QueryHandler(GetTargetGroupQuery)
export class GetTargetGroupHandler implements IQueryHandler<GetTargetGroupQuery, TargetGroupView> {
  constructor(private readonly targetGroups: TargetGroupsRepository) {}

  async execute(query: GetTargetGroupQuery): Promise<TargetGroupView> {
    const group = await this.targetGroups.findView(query.code);
    if (!group) throw new NotFound('Target group', query.code);
    return group;
  }
}
