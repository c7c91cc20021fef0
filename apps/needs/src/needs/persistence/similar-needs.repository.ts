import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { NeedStage, NeedState, OPEN_STAGES } from '../domain/need';

/** A candidate as the database scores it; the reasons are put into words by the caller. */
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

/** At most this many needs are scored, so that common words cannot make the lookup read the table. */
const CANDIDATES = 500;

/**
 * Open needs like a given one: in the same area or with a target group in common, and alike in text: two words
 * of its title (Swedish stems, PostgreSQL's `swedish` configuration; the one word of a one-word title) in their
 * title or description, found through the GIN index of the stored tsvector (`needs_search`). At most CANDIDATES
 * are scored, and only the best get their words in common worked out. Trigram similarity of the titles
 * (`pg_trgm`) counts in the score; it does not choose candidates: a trigram index over titles that share common
 * words ("stöd för", "behov av") reads and rechecks thousands of rows per lookup.
 *
 * Score, 0–1: half text (the better of title trigram similarity and the full-text rank, normalised to 0–1), a
 * quarter for the same area, a quarter for the share of target groups in common (Jaccard).
 */
@Injectable()
export class SimilarNeedsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async similarTo(
    need: Pick<NeedState, 'id' | 'title' | 'description' | 'areaCode' | 'targetGroups'>,
    limit: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SimilarNeedRow[]> {
    return manager.query(
      `WITH title AS MATERIALIZED (
         SELECT tsvector_to_array(to_tsvector('swedish', $2)) AS words
       ),
       terms AS MATERIALIZED (
         SELECT CASE cardinality(words)
                  WHEN 0 THEN NULL
                  WHEN 1 THEN quote_literal(words[1])::tsquery
                  ELSE (SELECT string_agg(format('(%s & %s)', quote_literal(words[i]), quote_literal(words[j])), ' | ')
                        FROM generate_subscripts(words, 1) i, generate_subscripts(words, 1) j WHERE i < j)::tsquery
                END AS query
         FROM title
       ),
       candidates AS MATERIALIZED (
         SELECT n.id FROM needs n
         WHERE n.search @@ (SELECT query FROM terms)
           AND n.id <> $1 AND n.stage = ANY($6::text[]) AND (n.area_code = $4 OR n.target_groups && $5::text[])
         LIMIT ${CANDIDATES}
       ),
       scored AS (
         SELECT n.id, n.organisation_id, n.title, n.area_code, n.target_groups, n.stage, n.endorsement_count,
                n.identified_at, n.search, n.area_code = $4 AS same_area,
                ARRAY(SELECT unnest(n.target_groups) INTERSECT SELECT unnest($5::text[])) AS shared_groups,
                similarity(n.title, $2)::float8 AS title_similarity,
                COALESCE(ts_rank_cd(n.search, (SELECT query FROM terms), 32), 0)::float8 AS text_rank
         FROM needs n JOIN candidates USING (id)
       ),
       best AS (
         SELECT s.*,
                round((0.5 * greatest(s.title_similarity, s.text_rank)
                  + 0.25 * s.same_area::int
                  + 0.25 * cardinality(s.shared_groups)::numeric
                    / greatest(cardinality(ARRAY(SELECT DISTINCT unnest(s.target_groups || $5::text[]))), 1))::numeric,
                  3)::float8 AS score
         FROM scored s
         ORDER BY score DESC, s.endorsement_count DESC, s.identified_at DESC, s.id
         LIMIT $7
       )
       SELECT b.id, b.organisation_id AS "organisationId", b.title, b.area_code AS "areaCode",
              b.target_groups AS "targetGroups", b.stage, b.endorsement_count AS "endorsementCount",
              b.same_area AS "sameArea", b.shared_groups AS "sharedGroups",
              b.title_similarity AS "titleSimilarity", b.text_rank AS "textRank",
              ARRAY(SELECT unnest(tsvector_to_array(b.search))
                    INTERSECT SELECT unnest(tsvector_to_array(to_tsvector('swedish', $2 || ' ' || $3)))) AS "sharedWords",
              b.score
       FROM best b
       ORDER BY b.score DESC, b.endorsement_count DESC, b.identified_at DESC, b.id`,
      [need.id, need.title, need.description, need.areaCode, need.targetGroups, OPEN_STAGES, limit],
    );
  }
}
