import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { KnownSupport } from '../domain/known-support';
import { overlapScore, OverlapScore } from '../domain/overlap-score';
import { toKnownSupport } from './known-supports.repository';

/** At most this many supports are scored per check, so that common words cannot make a check read the table. */
const CANDIDATES = 200;

export interface ScoredCandidate extends OverlapScore {
  other: KnownSupport;
}

/**
 * Other agencies' supports (drafts and published, not withdrawn) that may overlap a draft, chosen through the GIN
 * index of their Swedish stems (`supports_search`): two words of the draft's title in their title or summary
 * (the one word of a one-word title), or one word when they are in the same area (an index range on the area).
 * At most CANDIDATES are measured (trigram similarity of the titles by `pg_trgm`; the stems of title and summary
 * they share) and scored in the domain (`overlapScore`). Trigrams score, they do not choose (see similar needs).
 */
@Injectable()
export class OverlapCandidatesRepository {
  async scored(manager: EntityManager, draft: KnownSupport): Promise<ScoredCandidate[]> {
    const rows: (Parameters<typeof toKnownSupport>[0] & {
      title_similarity: number;
      shared_words: string[];
      words: number;
      other_words: number;
    })[] = await manager.query(
      `WITH title AS MATERIALIZED (
         SELECT tsvector_to_array(to_tsvector('swedish', $2)) AS words,
                tsvector_to_array(to_tsvector('swedish', $2 || ' ' || $3)) AS text_words
       ),
       terms AS MATERIALIZED (
         SELECT CASE cardinality(words)
                  WHEN 0 THEN NULL
                  WHEN 1 THEN quote_literal(words[1])::tsquery
                  ELSE (SELECT string_agg(format('(%s & %s)', quote_literal(words[i]), quote_literal(words[j])), ' | ')
                        FROM generate_subscripts(words, 1) i, generate_subscripts(words, 1) j WHERE i < j)::tsquery
                END AS pairs,
                (SELECT string_agg(quote_literal(w), ' | ') FROM unnest(words) w)::tsquery AS anyword,
                text_words
         FROM title
       ),
       candidates AS (
         (SELECT s.* FROM supports s
          WHERE s.search @@ (SELECT pairs FROM terms) AND s.status <> 'withdrawn'
            AND s.id <> $1 AND s.lead_agency_id <> $4
          LIMIT ${CANDIDATES})
         UNION
         (SELECT s.* FROM supports s
          WHERE s.area_code = $5 AND s.search @@ (SELECT anyword FROM terms) AND s.status <> 'withdrawn'
            AND s.id <> $1 AND s.lead_agency_id <> $4
          LIMIT ${CANDIDATES})
       )
       SELECT c.id, c.lead_agency_id, c.co_producer_ids, c.title, c.summary, c.area_code, c.sector, c.target_groups,
              c.audience, c.answers_needs, to_char(c.planned_release_date, 'YYYY-MM-DD') AS planned_release_date,
              c.status, c.aggregate_version,
              similarity(c.title, $2)::float8 AS title_similarity,
              ARRAY(SELECT unnest(tsvector_to_array(c.search))
                    INTERSECT SELECT unnest((SELECT text_words FROM terms))) AS shared_words,
              cardinality((SELECT text_words FROM terms)) AS words,
              cardinality(tsvector_to_array(c.search)) AS other_words
       FROM candidates c
       LIMIT ${CANDIDATES}`,
      [draft.supportId, draft.title, draft.summary, draft.leadAgencyId, draft.areaCode],
    );
    return rows.map((row) => {
      const other = toKnownSupport(row);
      return {
        other,
        ...overlapScore({
          areaCode: draft.areaCode,
          otherAreaCode: other.areaCode,
          targetGroups: draft.targetGroups,
          otherTargetGroups: other.targetGroups,
          audience: draft.audience,
          otherAudience: other.audience,
          titleSimilarity: row.title_similarity,
          sharedWords: [...row.shared_words].sort(),
          words: row.words,
          otherWords: row.other_words,
        }),
      };
    });
  }
}
