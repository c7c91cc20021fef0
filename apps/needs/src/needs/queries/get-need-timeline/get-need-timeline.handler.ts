import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { NotFound } from '@styrkedjan/platform';
import { NeedEntity } from '../../persistence/need.entity';
import { NeedTransitionEntity } from '../../persistence/need-transition.entity';
import type { TimelineEntryView } from '../../views/need.view';
import { GetNeedTimelineQuery } from './get-need-timeline.query';

/** Every transition of a need in order: who, when, what was decided and why. */
@QueryHandler(GetNeedTimelineQuery)
export class GetNeedTimelineHandler implements IQueryHandler<
  GetNeedTimelineQuery,
  { needId: string; items: TimelineEntryView[] }
> {
  constructor(private readonly dataSource: DataSource) {}

  async execute(query: GetNeedTimelineQuery): Promise<{ needId: string; items: TimelineEntryView[] }> {
    const manager = this.dataSource.manager;
    if (!(await manager.existsBy(NeedEntity, { id: query.needId }))) throw new NotFound('Need', query.needId);
    const rows = await manager.find(NeedTransitionEntity, {
      where: { needId: query.needId },
      order: { version: 'ASC' },
    });
    return {
      needId: query.needId,
      items: rows.map((row) => ({
        version: row.version,
        type: row.type,
        stage: row.stage,
        at: row.at.toISOString(),
        actor: { organisationId: row.actorOrganisationId, userId: row.actorUserId },
        decision: row.decision,
        rationale: row.rationale,
        details: row.details,
      })),
    };
  }
}
