import { Injectable } from '@nestjs/common';
import { References } from '@styrkedjan/reference-data';
import type { NeedState } from '../../domain/need';
import { ProjectionsRepository } from '../../persistence/projections.repository';
import { SimilarNeedsRepository } from '../../persistence/similar-needs.repository';
import type { SimilarNeedView } from '../../views/need.view';
import { toSimilarNeedView } from '../../views/similar-need.view';

/** At most this many similar needs: enough for a form to offer "endorse instead", few enough to read. */
export const SIMILAR_LIMIT = 5;

/**
 * Similar open needs with their score and reasons in words (area and target group names from memory). Never
 * inside a transaction: it reads on a pooled connection of its own.
 */
@Injectable()
export class SimilarNeedsFinder {
  constructor(
    private readonly references: References,
    private readonly similar: SimilarNeedsRepository,
    private readonly projections: ProjectionsRepository,
  ) {}

  async find(
    need: Pick<NeedState, 'id' | 'title' | 'description' | 'areaCode' | 'targetGroups'>,
  ): Promise<SimilarNeedView[]> {
    const rows = await this.similar.similarTo(need, SIMILAR_LIMIT);
    if (!rows.length) return [];
    const [area, groups] = await Promise.all([
      this.references.area(need.areaCode),
      this.projections.targetGroupNames([...new Set(rows.flatMap((row) => row.sharedGroups))]),
    ]);
    return rows.map((row) => toSimilarNeedView(row, { area: area?.name, groups }));
  }
}
