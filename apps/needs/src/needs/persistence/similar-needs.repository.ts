import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { NeedStage, NeedState, OPEN_STAGES } from '../domain/need';
import { sharedTargetGroups, similarityScore } from '../domain/similarity';

/** A similar need with what makes it so; the reasons are put into words by the caller. */
export interface SimilarNeedRow {
  id: string;
  organisationId: string;
  title: string;
  areaCode: string;
  targetGroups: string[];
  stage: NeedStage;
  endorsementCount: number;
  sameArea: boolean;
  sharedGroups: string[];
  titleSimilarity: number;
  textRank: number;
  sharedWords: string[];
  score: number;
}

/** What a candidate is scored on, and its tie-breakers; the rest of its row is read for the best only. */
type Candidate = Pick<
  SimilarNeedRow,
  'id' | 'targetGroups' | 'endorsementCount' | 'sameArea' | 'titleSimilarity' | 'textRank'
> & {
  /** Seconds since the epoch: a number is read and compared faster than a date. */
  identifiedAt: number;
};

/**
 * At most this many needs are scored, so that common words cannot make the lookup read the table; each is a row
 * the service reads and scores, so fewer cost less in both processes (200 cost a registration ≈1 ms more).
 */
const CANDIDATES = 100;

/**
 * The newest needs looked through first, and how many of them must match for the lookup to stop there. Alike
 * needs are mostly recent ones, and walking the newest costs the same whatever the words; the GIN index, asked
 * otherwise, answers rare words at once but reads every need holding common ones (thousands of rows, before the
 * newest can be picked out).
 */
const NEWEST = 1_000;
const ENOUGH_AMONG_NEWEST = 10;

/**
 * Open needs like a given one: in the same area or with a target group in common, and alike in text: two words
 * of its title (Swedish stems, PostgreSQL's `swedish` configuration; the one word of a one-word title, the
 * condition `similar_need_terms` makes) in their title or description (the stored tsvector `search`). The
 * newest CANDIDATES of them among the NEWEST needs, or, when fewer than ENOUGH_AMONG_NEWEST are there, among all
 * (through the GIN index), are measured (trigram similarity of the titles by `pg_trgm`, full-text rank against
 * the title's words) and scored (`similarityScore`); only the best are read whole, with their words in common.
 * Trigrams score, they do not choose: a trigram index over titles that share common words ("stöd för", "behov
 * av") rechecks thousands of rows per lookup.
 */
@Injectable()
export class SimilarNeedsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async similarTo(
    need: Pick<NeedState, 'id' | 'title' | 'description' | 'areaCode' | 'targetGroups'>,
    limit: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SimilarNeedRow[]> {
    // The search of all needs runs only when the newest did not give enough: a condition on nothing but the
    // first CTE's count, which PostgreSQL checks once before it reads anything. Trigrams and rank are measured on
    // the chosen candidates only.
    const alike = `search @@ similar_need_terms($2) AND id <> $1 AND stage = ANY($5::text[])
                   AND (area_code = $3 OR target_groups && $4::text[])`;
    const candidates: Candidate[] = await manager.query(
      `WITH newest AS MATERIALIZED (
         SELECT id FROM (SELECT id, search, stage, area_code, target_groups, identified_at FROM needs
                         ORDER BY identified_at DESC LIMIT ${NEWEST}) recent
         WHERE ${alike}
         ORDER BY identified_at DESC LIMIT ${CANDIDATES}
       ),
       everywhere AS MATERIALIZED (
         SELECT id FROM needs
         WHERE (SELECT count(*) FROM newest) < ${ENOUGH_AMONG_NEWEST} AND ${alike}
         ORDER BY identified_at DESC LIMIT ${CANDIDATES}
       ),
       chosen AS (
         SELECT id FROM newest WHERE (SELECT count(*) FROM newest) >= ${ENOUGH_AMONG_NEWEST}
         UNION ALL SELECT id FROM everywhere
       )
       SELECT n.id, n.target_groups AS "targetGroups", n.endorsement_count AS "endorsementCount",
              extract(epoch FROM n.identified_at)::float8 AS "identifiedAt", n.area_code = $3 AS "sameArea",
              similarity(n.title, $2)::float8 AS "titleSimilarity",
              ts_rank(n.search, (SELECT string_agg(quote_literal(w), ' | ')::tsquery
                                 FROM unnest(tsvector_to_array(to_tsvector('swedish', $2))) w), 32)::float8 AS "textRank"
       FROM chosen JOIN needs n USING (id)`,
      [need.id, need.title, need.areaCode, need.targetGroups, OPEN_STAGES],
    );
    const best = candidates
      .map((candidate) => ({ candidate, score: similarityScore(candidate, need.targetGroups) }))
      .sort(
        (a, b) =>
          b.score - a.score ||
          b.candidate.endorsementCount - a.candidate.endorsementCount ||
          b.candidate.identifiedAt - a.candidate.identifiedAt ||
          a.candidate.id.localeCompare(b.candidate.id),
      )
      .slice(0, limit);
    if (!best.length) return [];
    const details: (Pick<SimilarNeedRow, 'id' | 'organisationId' | 'title' | 'areaCode' | 'stage'> & {
      shared: string[];
    })[] = await manager.query(
      `SELECT n.id, n.organisation_id AS "organisationId", n.title, n.area_code AS "areaCode", n.stage,
              ARRAY(SELECT unnest(tsvector_to_array(n.search))
                    INTERSECT SELECT unnest(tsvector_to_array(to_tsvector('swedish', $2 || ' ' || $3)))) AS shared
       FROM needs n WHERE n.id = ANY($1::uuid[])`,
      [best.map(({ candidate }) => candidate.id), need.title, need.description],
    );
    const byId = new Map(details.map(({ shared, ...row }) => [row.id, { row, shared }]));
    // Needs are never deleted, so each of the best is read back.
    return best.map(({ candidate: { identifiedAt: _at, ...candidate }, score }) => {
      const { row, shared } = byId.get(candidate.id)!;
      return {
        ...candidate,
        ...row,
        sharedGroups: sharedTargetGroups(candidate.targetGroups, need.targetGroups),
        sharedWords: shared,
        score,
      };
    });
  }
}
