import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TargetGroupsRepository } from '../../persistence/target-groups.repository';
import { TargetGroupView } from '../../views/target-group.view';
import { ListTargetGroupsQuery } from './list-target-groups.query';

@QueryHandler(ListTargetGroupsQuery)
export class ListTargetGroupsHandler implements IQueryHandler<ListTargetGroupsQuery, { items: TargetGroupView[] }> {
  constructor(private readonly targetGroups: TargetGroupsRepository) {}

  async execute(query: ListTargetGroupsQuery): Promise<{ items: TargetGroupView[] }> {
    return { items: await this.targetGroups.list(query.sector) };
  }
}
