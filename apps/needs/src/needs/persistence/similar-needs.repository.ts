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

interface Candidate extends Omit<SimilarNeedRow, 'sharedGroups' | 'sharedWords' | 'score'> {
  identifiedAt: Date;
}

/** At most this many needs are scored, so that common words cannot make the lookup read the table. */
const CANDIDATES = 200;

/**
 * Open needs like a given one: in the same area or with a target group in common, and alike in text: two words
 * of its title (Swedish stems, PostgreSQL's `swedish` configuration; the one word of a one-word title) in their
 * title or description, found through the GIN index of the stored tsvector (`needs_search`). At most CANDIDATES
 * are measured (trigram similarity of the titles by `pg_trgm`, full-text rank against the title's words) and
 * scored (`similarityScore`); only the best get their words in common worked out. Trigrams score, they do not
 * choose: a trigram index over titles that share common words ("stöd för", "behov av") rechecks thousands of
 * rows per lookup.
 */
@Injectable()
export class SimilarNeedsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async similarTo(
    need: Pick<NeedState, 'id' | 'title' | 'description' | 'areaCode' | 'targetGroups'>,
    limit: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SimilarNeedRow[]> {
    const candidates: Candidate[] = await manager.query(
      `WITH title AS MATERIALIZED (
         SELECT tsvector_to_array(to_tsvector('swedish', $2)) AS words
       ),
       terms AS MATERIALIZED (
         SELECT CASE cardinality(words)
                  WHEN 0 THEN NULL
                  WHEN 1 THEN quote_literal(words[1])::tsquery
                  ELSE (SELECT string_agg(format('(%s & %s)', quote_literal(words[i]), quote_literal(words[j])), ' | ')
                        FROM generate_subscripts(words, 1) i, generate_subscripts(words, 1) j WHERE i < j)::tsquery
                END AS pairs,
                (SELECT string_agg(quote_literal(w), ' | ') FROM unnest(words) w)::tsquery AS anyword
         FROM title
       )
       SELECT n.id, n.organisation_id AS "organisationId", n.title, n.area_code AS "areaCode",
              n.target_groups AS "targetGroups", n.stage, n.endorsement_count AS "endorsementCount",
              n.identified_at AS "identifiedAt", n.area_code = $3 AS "sameArea",
              similarity(n.title, $2)::float8 AS "titleSimilarity",
              ts_rank(n.search, (SELECT anyword FROM terms), 32)::float8 AS "textRank"
       FROM needs n
       WHERE n.search @@ (SELECT pairs FROM terms)
         AND n.id <> $1 AND n.stage = ANY($5::text[]) AND (n.area_code = $3 OR n.target_groups && $4::text[])
       LIMIT ${CANDIDATES}`,
      [need.id, need.title, need.areaCode, need.targetGroups, OPEN_STAGES],
    );
    const best = candidates
      .map((candidate) => ({ candidate, score: similarityScore(candidate, need.targetGroups) }))
      .sort(
        (a, b) =>
          b.score - a.score ||
          b.candidate.endorsementCount - a.candidate.endorsementCount ||
          new Date(b.candidate.identifiedAt).getTime() - new Date(a.candidate.identifiedAt).getTime() ||
          a.candidate.id.localeCompare(b.candidate.id),
      )
      .slice(0, limit);
    if (!best.length) return [];
    const words: { id: string; shared: string[] }[] = await manager.query(
      `SELECT n.id, ARRAY(SELECT unnest(tsvector_to_array(n.search))
                          INTERSECT SELECT unnest(tsvector_to_array(to_tsvector('swedish', $2 || ' ' || $3)))) AS shared
       FROM needs n WHERE n.id = ANY($1::uuid[])`,
      [best.map(({ candidate }) => candidate.id), need.title, need.description],
    );
    const sharedWords = new Map(words.map((row) => [row.id, row.shared]));
    return best.map(({ candidate: { identifiedAt: _at, ...candidate }, score }) => ({
      ...candidate,
      sharedGroups: sharedTargetGroups(candidate.targetGroups, need.targetGroups),
      sharedWords: sharedWords.get(candidate.id) ?? [],
      score,
    }));
  }
}
