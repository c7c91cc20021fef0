import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { KnownAreaEntity } from '@styrkedjan/reference-data';
import type { NeedState } from '../../domain/need';
import { ProjectionsRepository } from '../../persistence/projections.repository';
import { SimilarNeedsRepository } from '../../persistence/similar-needs.repository';
import type { SimilarNeedView } from '../../views/need.view';
import { toSimilarNeedView } from '../../views/similar-need.view';

/** At most this many similar needs: enough for a form to offer "endorse instead", few enough to read. */
export const SIMILAR_LIMIT = 5;

/** Similar open needs with their score and reasons in words (area and target group names from the projections). */
@Injectable()
export class SimilarNeedsFinder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly similar: SimilarNeedsRepository,
    private readonly projections: ProjectionsRepository,
  ) {}

  async find(
    need: Pick<NeedState, 'id' | 'title' | 'description' | 'areaCode' | 'targetGroups'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SimilarNeedView[]> {
    const rows = await this.similar.similarTo(need, SIMILAR_LIMIT, manager);
    if (!rows.length) return [];
    const area = await manager.findOneBy(KnownAreaEntity, { code: need.areaCode });
    // On the caller's manager: inside a transaction a second connection from the pool could wait for ever.
    const groups = await this.projections.targetGroupNames(
      [...new Set(rows.flatMap((row) => row.sharedGroups))],
      manager,
    );
    return rows.map((row) => toSimilarNeedView(row, { area: area?.name, groups }));
  }
}
