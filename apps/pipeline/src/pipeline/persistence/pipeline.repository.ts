import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Sector } from '@styrkedjan/contracts';
import { Page, toPage } from '@styrkedjan/platform';
import {
  FoldableEvent,
  foldIntoSlice,
  instant,
  needStage,
  NeedStage,
  PipelineState,
  sliceOfAll,
  supportStage,
  SupportStage,
} from '../domain/pipeline';
import {
  addToStageCounts,
  insertLinks,
  NeedRecord,
  SupportRecord,
  toNeedRow,
  toSupportRow,
  upsertNeeds,
  upsertSupports,
} from './pipeline.tables';

export interface PipelineFilter {
  areaCode?: string;
  sector?: Sector;
  limit: number;
  /** Decoded keyset positions: (time, id) of the last item of the previous page. */
  needsAfter?: [string, string];
  supportsAfter?: [string, string];
}

export interface PipelineNeedView {
  id: string;
  title: string;
  areaCode: string;
  sector: Sector;
  organisationId: string;
  stage: NeedStage;
  identifiedAt: string;
  draftedAt: string | null;
  publishedAt: string | null;
}

export interface PipelineSupportView {
  id: string;
  title: string;
  areaCode: string;
  sector: Sector;
  leadAgencyId: string;
  stage: SupportStage;
  draftedAt: string | null;
  publishedAt: string | null;
  firstFeedbackAt: string | null;
  feedbackCount: number;
  consultationOpenedAt: string | null;
  consultationClosedAt: string | null;
  revisedAt: string | null;
  withdrawnAt: string | null;
  needIds: string[];
}

/** Needs in each stage, by the stage's name in camel case, and the two names the pipeline had before. */
export type NeedCounts = { [S in NeedStage as CamelCase<S>]: number } & {
  /** Before the chain's stages: being-addressed. */
  addressedByDraft: number;
  /** Before the chain's stages: answered. */
  addressed: number;
};
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

export interface PipelineView {
  filter: { areaCode: string | null; sector: Sector | null };
  counts: {
    needs: NeedCounts;
    supports: {
      draft: number;
      inConsultation: number;
      consultationClosed: number;
      published: number;
      withFeedback: number;
      revised: number;
      withdrawn: number;
    };
  };
  needs: Page<PipelineNeedView>;
  supports: Page<PipelineSupportView>;
}

@Injectable()
export class PipelineRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Applies events to the read model inside the consumer's transaction: loads the slice they touch, folds
   * them in order with the same reducer a replay uses, writes the changed rows once and moves the counts.
   * Runs after the event-log append, whose lock serialises consumers, so the read-then-write needs no row locks.
   */
  async apply(manager: EntityManager, events: readonly FoldableEvent[]): Promise<void> {
    if (events.length === 0) return;
    const { supportIds, needIds } = sliceOfAll(events);
    const write = foldIntoSlice(await this.loadSlice(manager, supportIds, needIds), events);
    await upsertNeeds(manager, write.needs);
    await upsertSupports(manager, write.supports);
    await insertLinks(manager, write.links);
    await addToStageCounts(manager, write.counts);
  }

  /** The supports, the needs they already answer and the needs the events name, in one round trip. */
  private async loadSlice(manager: EntityManager, supportIds: string[], needIds: string[]): Promise<PipelineState> {
    const [row] = await manager.query<{ needs: NeedRecord[]; supports: SupportRecord[]; links: [string, string][] }[]>(
      `WITH linked AS (SELECT support_id, need_id FROM pipeline_support_needs WHERE support_id = ANY($2::uuid[]))
       SELECT
         -- A UNION, not "= ANY($1) OR IN (linked)": the OR made PostgreSQL scan every need, per batch.
         (SELECT coalesce(json_agg(n), '[]') FROM pipeline_needs n
           WHERE n.need_id IN (SELECT unnest($1::uuid[]) UNION SELECT need_id FROM linked)) AS needs,
         (SELECT coalesce(json_agg(s), '[]') FROM pipeline_supports s WHERE s.support_id = ANY($2::uuid[])) AS supports,
         (SELECT coalesce(json_agg(json_build_array(support_id, need_id)), '[]') FROM linked) AS links`,
      [needIds, supportIds],
    );
    const state: PipelineState = { needs: new Map(), supports: new Map(), supportNeeds: new Map() };
    for (const need of row.needs.map(toNeedRow)) state.needs.set(need.needId, need);
    for (const support of row.supports.map(toSupportRow)) state.supports.set(support.supportId, support);
    for (const supportId of supportIds) state.supportNeeds.set(supportId, new Set());
    for (const [supportId, needId] of row.links) state.supportNeeds.get(supportId)!.add(needId);
    return state;
  }

  /**
   * Counts and both pages in one statement: one round trip and one pool connection per request, and one
   * snapshot, so the counts and the lists agree. Counts come from the counts table (a few hundred rows
   * whatever the size of the log); each list is a backward scan of the index matching the filter, and is
   * skipped outright when the counts say it is empty (an area asked for with another sector would
   * otherwise scan the whole area to find nothing).
   */
  async view(filter: PipelineFilter): Promise<PipelineView> {
    const params: unknown[] = [];
    const param = (value: unknown, type: string) => `$${params.push(value)}::${type}`;
    const where: string[] = [];
    if (filter.areaCode !== undefined) where.push(`area_code = ${param(filter.areaCode, 'text')}`);
    if (filter.sector !== undefined) where.push(`sector = ${param(filter.sector, 'text')}`);
    const needsWhere = ['identified_at IS NOT NULL', ...where, "EXISTS (SELECT 1 FROM counts WHERE item = 'need')"];
    if (filter.needsAfter)
      needsWhere.push(
        `(identified_at, need_id) < (${param(filter.needsAfter[0], 'timestamptz')}, ${param(filter.needsAfter[1], 'uuid')})`,
      );
    const supportsWhere = [
      'listed_at IS NOT NULL',
      ...where.map((condition) => `s.${condition}`),
      "EXISTS (SELECT 1 FROM counts WHERE item = 'support')",
    ];
    if (filter.supportsAfter) {
      supportsWhere.push(
        `(listed_at, support_id) < (${param(filter.supportsAfter[0], 'timestamptz')}, ${param(filter.supportsAfter[1], 'uuid')})`,
      );
    }
    const limit = param(filter.limit + 1, 'int');
    const shape = [filter.areaCode, filter.sector, filter.needsAfter, filter.supportsAfter]
      .map((part) => (part === undefined ? 0 : 1))
      .join('');
    const [row] = await preparedQuery<{
      counts: { item: string; stage: string; count: number }[];
      needs: ListedNeed[];
      supports: ListedSupport[];
    }>(
      this.dataSource,
      `pipeline-view-${shape}`,
      `WITH counts AS (
           SELECT item, stage, sum(count)::int AS count FROM pipeline_stage_counts
           ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY item, stage
         ), needs AS (
           SELECT * FROM pipeline_needs WHERE ${needsWhere.join(' AND ')}
           ORDER BY identified_at DESC, need_id DESC LIMIT ${limit}
         ), supports AS (
           SELECT s.*, ARRAY(SELECT l.need_id FROM pipeline_support_needs l WHERE l.support_id = s.support_id ORDER BY l.need_id) AS need_ids
           FROM pipeline_supports s WHERE ${supportsWhere.join(' AND ')}
           ORDER BY listed_at DESC, support_id DESC LIMIT ${limit}
         )
         SELECT (SELECT coalesce(json_agg(counts), '[]') FROM counts) AS counts,
                (SELECT coalesce(json_agg(needs ORDER BY identified_at DESC, need_id DESC), '[]') FROM needs) AS needs,
                (SELECT coalesce(json_agg(supports ORDER BY listed_at DESC, support_id DESC), '[]') FROM supports) AS supports`,
      params,
    );
    const of = (item: string, stage: string) =>
      row.counts.find((count) => count.item === item && count.stage === stage)?.count ?? 0;
    return {
      filter: { areaCode: filter.areaCode ?? null, sector: filter.sector ?? null },
      counts: {
        needs: {
          identified: of('need', 'identified'),
          underReview: of('need', 'under-review'),
          accepted: of('need', 'accepted'),
          declined: of('need', 'declined'),
          deferred: of('need', 'deferred'),
          merged: of('need', 'merged'),
          beingAddressed: of('need', 'being-addressed'),
          answered: of('need', 'answered'),
          addressedByDraft: of('need', 'being-addressed'),
          addressed: of('need', 'answered'),
        },
        supports: {
          draft: of('support', 'draft'),
          inConsultation: of('support', 'in_consultation'),
          consultationClosed: of('support', 'consultation_closed'),
          published: of('support', 'published'),
          withFeedback: of('support', 'with_feedback'),
          revised: of('support', 'revised'),
          withdrawn: of('support', 'withdrawn'),
        },
      },
      needs: toPage(row.needs, filter.limit, needView, (need) => [instant(need.identified_at), need.need_id]),
      supports: toPage(row.supports, filter.limit, supportView, (support) => [
        instant(support.listed_at),
        support.support_id,
      ]),
    };
  }
}

/**
 * Runs a named (prepared) statement on TypeORM's own pg pool, which the postgres driver exposes as
 * `driver.master`. Each connection then plans the statement once instead of on every request: planning
 * this CTE costs about as much as running it, and GET /pipeline is the hot read path. One name per query
 * shape (which filters and cursors are present), since a name must always carry the same text.
 */
async function preparedQuery<Row>(
  dataSource: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  const pool = (
    dataSource.driver as unknown as {
      master: { query(query: { name: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }> };
    }
  ).master;
  return (await pool.query({ name, text, values })).rows;
}

function needView(row: NeedRecord): PipelineNeedView {
  const need = toNeedRow(row);
  return {
    id: need.needId,
    title: need.title!,
    areaCode: need.areaCode!,
    sector: need.sector!,
    organisationId: need.organisationId!,
    stage: needStage(need)!,
    identifiedAt: need.identifiedAt!,
    draftedAt: need.firstDraftedAt,
    publishedAt: need.firstPublishedAt,
  };
}

/** A need as the view's statement lists it: only needs already identified are listed. */
type ListedNeed = NeedRecord & { identified_at: string };

/** A support as the view's statement lists it: its row, when it was listed, and the needs it answers. */
type ListedSupport = SupportRecord & { listed_at: string; need_ids: string[] };

function supportView(row: ListedSupport): PipelineSupportView {
  const support = toSupportRow(row);
  return {
    id: support.supportId,
    title: support.title!,
    areaCode: support.areaCode!,
    sector: support.sector!,
    leadAgencyId: support.leadAgencyId!,
    stage: supportStage(support)!,
    draftedAt: support.draftedAt,
    publishedAt: support.publishedAt,
    firstFeedbackAt: support.firstFeedbackAt,
    feedbackCount: support.feedbackCount,
    consultationOpenedAt: support.consultationOpenedAt,
    consultationClosedAt: support.consultationClosedAt,
    revisedAt: support.revisedAt,
    withdrawnAt: support.withdrawnAt,
    needIds: row.need_ids,
  };
}
