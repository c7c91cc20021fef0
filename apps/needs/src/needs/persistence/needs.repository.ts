import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { OrganisationKind } from '@styrkedjan/contracts';
import { decodeCursor, InvalidInput, Page, toPage, UUID_PATTERN } from '@styrkedjan/platform';
import { laterStatus, Need, NeedStage, NeedState, Supporter, SupportStatus } from '../domain/need';
import { NeedView, SupporterWithPlace, toNeedView } from '../views/need.view';
import { NeedEntity } from './need.entity';
import { NeedSupportEntity } from './need-support.entity';
import { NeedSupporterEntity } from './need-supporter.entity';

export type NeedSort = 'newest' | 'endorsements' | 'stale';

export interface NeedFilter {
  areaCode?: string;
  organisationId?: string;
  stage?: NeedStage;
  /** A county (the region organisation's id): needs submitted or endorsed by an organisation there. */
  county?: string;
  /** Needs submitted or endorsed by an organisation of this kind. */
  kind?: OrganisationKind;
  targetGroup?: string;
  /** The lead agency a need was accepted for. */
  assignedTo?: string;
  /** An ISO 8601 duration: needs with no transition for that long, oldest first. */
  stale?: string;
  sort?: NeedSort;
  limit: number;
  cursor?: string;
}

/** Stages from which a need can no longer go stale: nothing more is expected of the chain. */
const SETTLED: readonly NeedStage[] = ['declined', 'merged', 'answered'];

@Injectable()
export class NeedsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, need: Need): Promise<void> {
    await manager.insert(NeedEntity, { ...need.state });
    await this.saveSupporters(manager, need);
  }

  /** The need and its supporters, the need's row locked for the rest of the transaction. */
  async loadForUpdate(manager: EntityManager, id: string): Promise<Need | null> {
    if (!UUID_PATTERN.test(id)) return null;
    const row = await manager.findOne(NeedEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) return null;
    const supporters = await manager.find(NeedSupporterEntity, { where: { needId: id }, order: { joinedAt: 'ASC' } });
    return Need.restore(stateOf(row), supporters.map(supporterOf));
  }

  /** Two needs locked in the order of their ids, so two merges of the same pair cannot deadlock. */
  async loadPairForUpdate(manager: EntityManager, a: string, b: string): Promise<[Need | null, Need | null]> {
    const [first, second] = a < b ? [a, b] : [b, a];
    const loadedFirst = await this.loadForUpdate(manager, first);
    const loadedSecond = first === second ? loadedFirst : await this.loadForUpdate(manager, second);
    return a < b ? [loadedFirst, loadedSecond] : [loadedSecond, loadedFirst];
  }

  async findStage(id: string, manager: EntityManager = this.dataSource.manager): Promise<{ stage: NeedStage } | null> {
    if (!UUID_PATTERN.test(id)) return null;
    return manager.findOne(NeedEntity, { select: { stage: true }, where: { id } });
  }

  async save(manager: EntityManager, need: Need): Promise<void> {
    const { id, ...changes } = need.state;
    await manager.update(NeedEntity, { id }, changes);
    await this.saveSupporters(manager, need);
  }

  /** Makes the stored supporters those of the need: the ones gone are deleted, the new ones inserted. */
  private async saveSupporters(manager: EntityManager, need: Need): Promise<void> {
    const supporters = need.supportersNow;
    const ids = supporters.map((s) => s.organisationId);
    await manager.query('DELETE FROM need_supporters WHERE need_id = $1 AND NOT (organisation_id = ANY($2::uuid[]))', [
      need.state.id,
      ids,
    ]);
    if (!supporters.length) return;
    await manager.query(
      `INSERT INTO need_supporters (need_id, organisation_id, role, comment, local_context, joined_at, merged_from)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::uuid[])
       ON CONFLICT (need_id, organisation_id) DO NOTHING`,
      [
        need.state.id,
        ids,
        supporters.map((s) => s.role),
        supporters.map((s) => s.comment),
        supporters.map((s) => s.localContext),
        supporters.map((s) => s.joinedAt.toISOString()),
        supporters.map((s) => s.mergedFrom),
      ],
    );
  }

  async findView(id: string, manager: EntityManager = this.dataSource.manager): Promise<NeedView | null> {
    const need = await manager.findOneBy(NeedEntity, { id });
    if (!need) return null;
    const [views] = await this.viewsOf(manager, [need]);
    return views;
  }

  /** Views of stored needs: their supporters with kind and county, and the supports addressing them. */
  async viewsOf(manager: EntityManager, needs: readonly NeedEntity[]): Promise<NeedView[]> {
    if (!needs.length) return [];
    const ids = needs.map((n) => n.id);
    const supporterRows: (NeedSupporterEntity & { kind: OrganisationKind | null; county_id: string | null })[] =
      await manager.query(
        `SELECT s.need_id AS "needId", s.organisation_id AS "organisationId", s.role, s.comment,
                s.local_context AS "localContext", s.joined_at AS "joinedAt", s.merged_from AS "mergedFrom",
                o.kind, o.county_id, c.name AS county_name
         FROM need_supporters s
         LEFT JOIN organisations o ON o.id = s.organisation_id
         LEFT JOIN organisations c ON c.id = o.county_id
         WHERE s.need_id = ANY($1::uuid[])
         ORDER BY s.joined_at, s.organisation_id`,
        [ids],
      );
    const supports = await manager.find(NeedSupportEntity, {
      where: { needId: In(ids) },
      order: { draftedAt: 'ASC' },
    });
    return needs.map((need) =>
      toNeedView(
        stateOf(need),
        supporterRows
          .filter((row) => row.needId === need.id)
          .map((row) => ({
            ...supporterOf(row),
            kind: row.kind,
            countyId: row.county_id,
            countyName: (row as unknown as { county_name: string | null }).county_name,
          })) satisfies SupporterWithPlace[],
        supports.filter((s) => s.needId === need.id),
      ),
    );
  }

  /**
   * Newest first (keyset on identified_at, id); most endorsed first (on endorsement_count, identified_at, id); or,
   * with `stale`, the needs whose last transition is older than that, oldest first (on last_transition_at, id).
   */
  async list(filter: NeedFilter): Promise<Page<NeedView>> {
    const sort: NeedSort = filter.stale ? 'stale' : (filter.sort ?? 'newest');
    const query = this.dataSource.manager.createQueryBuilder(NeedEntity, 'need').limit(filter.limit + 1);
    if (filter.areaCode) query.andWhere('need.areaCode = :areaCode', { areaCode: filter.areaCode });
    if (filter.organisationId)
      query.andWhere('need.organisationId = :organisationId', { organisationId: filter.organisationId });
    if (filter.stage) query.andWhere('need.stage = :stage', { stage: filter.stage });
    if (filter.targetGroup)
      query.andWhere(':targetGroup = ANY(need.targetGroups)', { targetGroup: filter.targetGroup });
    if (filter.assignedTo) query.andWhere('need.leadAgencyId = :assignedTo', { assignedTo: filter.assignedTo });
    if (filter.county || filter.kind) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM need_supporters s JOIN organisations o ON o.id = s.organisation_id
                 WHERE s.need_id = need.id
                 ${filter.county ? 'AND o.county_id = :county' : ''} ${filter.kind ? 'AND o.kind = :kind' : ''})`,
        { county: filter.county, kind: filter.kind },
      );
    }
    if (filter.stale) {
      query
        .andWhere('need.lastTransitionAt < now() - CAST(:stale AS interval)', { stale: filter.stale })
        .andWhere('need.stage NOT IN (:...settled)', { settled: SETTLED });
    }
    const cursor = decodeListCursor(filter.cursor, sort);
    if (sort === 'newest') {
      query.orderBy('need.identifiedAt', 'DESC').addOrderBy('need.id', 'DESC');
      if (cursor) query.andWhere('(need.identifiedAt, need.id) < (:at, :id)', cursor);
    } else if (sort === 'endorsements') {
      query
        .orderBy('need.endorsementCount', 'DESC')
        .addOrderBy('need.identifiedAt', 'DESC')
        .addOrderBy('need.id', 'DESC');
      if (cursor) query.andWhere('(need.endorsementCount, need.identifiedAt, need.id) < (:count, :at, :id)', cursor);
    } else {
      query.orderBy('need.lastTransitionAt', 'ASC').addOrderBy('need.id', 'ASC');
      if (cursor) query.andWhere('(need.lastTransitionAt, need.id) > (:at, :id)', cursor);
    }
    const needs = await query.getMany();
    const views = await this.viewsOf(this.dataSource.manager, needs.slice(0, filter.limit));
    const byId = new Map(views.map((view) => [view.id, view]));
    return toPage(
      needs,
      filter.limit,
      (need) => byId.get(need.id)!,
      (need) =>
        sort === 'newest'
          ? [need.identifiedAt.toISOString(), need.id]
          : sort === 'endorsements'
            ? [need.endorsementCount, need.identifiedAt.toISOString(), need.id]
            : [need.lastTransitionAt.toISOString(), need.id],
    );
  }

  /**
   * Records that a support addresses a need and answers how the need stood before, or null when the need is
   * not here. Commutative: `draft` and `published` may arrive in either order, or twice, and the link ends the
   * same. The need's row is locked, so two supports arriving at once cannot each move it without the other.
   */
  async linkSupport(
    manager: EntityManager,
    link: { needId: string; supportId: string; title: string; status: SupportStatus; at: string },
  ): Promise<{ need: Need; previous: SupportStatus | undefined } | null> {
    const need = await this.loadForUpdate(manager, link.needId);
    const existing = await manager.findOneBy(NeedSupportEntity, { needId: link.needId, supportId: link.supportId });
    const previous = existing?.status;
    const at = new Date(link.at);
    const row =
      existing ??
      Object.assign(new NeedSupportEntity(), {
        needId: link.needId,
        supportId: link.supportId,
        draftedAt: null,
        publishedAt: null,
        withdrawnAt: null,
      });
    row.title = link.title;
    row.status = laterStatus(previous, link.status);
    if (link.status === 'draft') row.draftedAt = row.draftedAt ?? at;
    if (link.status === 'published') row.publishedAt = row.publishedAt ?? at;
    if (need) await manager.save(NeedSupportEntity, row);
    return need ? { need, previous } : null;
  }

  /**
   * Marks the support withdrawn for the need, with the need locked: whether that leaves it unanswered is the caller's
   * to decide from `others`, the supports still naming it (the replacement among them when it names the need too).
   */
  async unlinkWithdrawn(
    manager: EntityManager,
    link: { needId: string; supportId: string; at: string },
  ): Promise<{ need: Need; others: { supportId: string; status: SupportStatus }[]; news: boolean } | null> {
    const need = await this.loadForUpdate(manager, link.needId);
    if (!need) return null;
    const marked: unknown[] = await manager.query(
      `UPDATE need_supports SET withdrawn_at = $3 WHERE need_id = $1 AND support_id = $2 AND withdrawn_at IS NULL
       RETURNING support_id`,
      [link.needId, link.supportId, link.at],
    );
    const others: { support_id: string; status: SupportStatus }[] = await manager.query(
      `SELECT support_id, status FROM need_supports WHERE need_id = $1 AND support_id <> $2 AND withdrawn_at IS NULL`,
      [link.needId, link.supportId],
    );
    return {
      need,
      others: others.map((row) => ({ supportId: row.support_id, status: row.status })),
      news: marked.length > 0,
    };
  }
}

function stateOf(row: NeedEntity): NeedState {
  return {
    id: row.id,
    organisationId: row.organisationId,
    title: row.title,
    description: row.description,
    areaCode: row.areaCode,
    sector: row.sector,
    targetGroups: row.targetGroups,
    note: row.note,
    stage: row.stage,
    identifiedAt: row.identifiedAt,
    version: row.version,
    lastTransitionAt: row.lastTransitionAt,
    triageDecision: row.triageDecision,
    triageRationale: row.triageRationale,
    triagedAt: row.triagedAt,
    leadAgencyId: row.leadAgencyId,
    declineReason: row.declineReason,
    existingSupportId: row.existingSupportId,
    duplicateOfNeedId: row.duplicateOfNeedId,
    reviewOn: row.reviewOn,
    openQuestion: row.openQuestion,
    mergedInto: row.mergedInto,
    flaggedForReview: row.flaggedForReview,
    endorsementCount: row.endorsementCount,
  };
}

function supporterOf(row: NeedSupporterEntity): Supporter {
  return {
    organisationId: row.organisationId,
    role: row.role,
    comment: row.comment,
    localContext: row.localContext,
    joinedAt: new Date(row.joinedAt),
    mergedFrom: row.mergedFrom,
  };
}

/** The sort key a list cursor carries, checked because its parts go into SQL casts. */
function decodeListCursor(
  cursor: string | undefined,
  sort: NeedSort,
): { at: string; id: string; count?: number } | null {
  const parts = decodeCursor(cursor, sort === 'endorsements' ? 3 : 2);
  if (!parts) return null;
  const [count, at, id] = sort === 'endorsements' ? parts : [0, ...parts];
  if (
    typeof count !== 'number' ||
    typeof at !== 'string' ||
    Number.isNaN(Date.parse(at)) ||
    typeof id !== 'string' ||
    !UUID_PATTERN.test(id)
  )
    throw InvalidInput.field('cursor', 'is not a cursor this list returned');
  return { at, id, count };
}
