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

/**
 * Open needs like a given one: in the same area or with a target group in common, and alike in text: a word of
 * its title (Swedish stems, PostgreSQL's `swedish` configuration) in their title or description, or a title
 * similar by trigrams (`pg_trgm`). Both are GIN-indexed (`needs_search`, `needs_title_trigrams`), and the query
 * terms are computed once (an init plan), so the lookup reads only the needs that share a word or trigrams.
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
      `WITH terms AS MATERIALIZED (
         SELECT (SELECT string_agg(quote_literal(l), ' | ')::tsquery
                 FROM unnest(tsvector_to_array(to_tsvector('swedish', $2))) l) AS query,
                to_tsvector('swedish', $2 || ' ' || $3) AS vector
       ),
       candidates AS (
         SELECT n.*, n.area_code = $4 AS same_area,
                ARRAY(SELECT unnest(n.target_groups) INTERSECT SELECT unnest($5::text[])) AS shared_groups,
                similarity(n.title, $2) AS title_similarity,
                COALESCE(ts_rank_cd(n.search, (SELECT query FROM terms), 32), 0) AS text_rank
         FROM needs n
         WHERE n.id <> $1 AND n.stage = ANY($6::text[])
           AND (n.area_code = $4 OR n.target_groups && $5::text[])
           AND (n.search @@ (SELECT query FROM terms) OR n.title % $2)
       )
       SELECT c.id, c.organisation_id AS "organisationId", c.title, c.area_code AS "areaCode",
              c.target_groups AS "targetGroups", c.stage, c.endorsement_count AS "endorsementCount",
              c.same_area AS "sameArea", c.shared_groups AS "sharedGroups",
              c.title_similarity::float8 AS "titleSimilarity", c.text_rank::float8 AS "textRank",
              ARRAY(SELECT unnest(tsvector_to_array(c.search))
                    INTERSECT SELECT unnest(tsvector_to_array((SELECT vector FROM terms)))) AS "sharedWords",
              round((0.5 * greatest(c.title_similarity, c.text_rank)
                + 0.25 * c.same_area::int
                + 0.25 * cardinality(c.shared_groups)::numeric
                  / greatest(cardinality(ARRAY(SELECT DISTINCT unnest(c.target_groups || $5::text[]))), 1))::numeric,
                3)::float8 AS score
       FROM candidates c
       ORDER BY score DESC, c.endorsement_count DESC, c.identified_at DESC, c.id
       LIMIT $7`,
      [need.id, need.title, need.description, need.areaCode, need.targetGroups, OPEN_STAGES, limit],
    );
  }
}
