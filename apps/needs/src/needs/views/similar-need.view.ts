import type { SimilarNeedRow } from '../persistence/similar-needs.repository';
import type { SimilarNeedView } from './need.view';

/** Titles at least this alike by trigrams are worth saying so (pg_trgm's own default threshold). */
const ALIKE_TITLES = 0.3;
const WORDS_SHOWN = 5;

/** Why a need was found similar, in words a registration form can show beside "endorse instead". */
export function reasonsFor(
  row: Pick<SimilarNeedRow, 'sameArea' | 'areaCode' | 'sharedGroups' | 'titleSimilarity' | 'sharedWords'>,
  names: { area?: string; groups: ReadonlyMap<string, string> },
): string[] {
  const reasons: string[] = [];
  if (row.sameArea) reasons.push(`same area: ${names.area ?? row.areaCode}`);
  if (row.sharedGroups.length) {
    const groups = row.sharedGroups.map((code) => names.groups.get(code) ?? code).join(', ');
    reasons.push(
      `${row.sharedGroups.length === 1 ? 'a target group' : `${row.sharedGroups.length} target groups`} in common: ${groups}`,
    );
  }
  if (row.titleSimilarity >= ALIKE_TITLES) reasons.push(`titles ${Math.round(row.titleSimilarity * 100)} % alike`);
  if (row.sharedWords.length) {
    const shown = [...row.sharedWords].sort().slice(0, WORDS_SHOWN).join(', ');
    const more = row.sharedWords.length > WORDS_SHOWN ? ` and ${row.sharedWords.length - WORDS_SHOWN} more` : '';
    reasons.push(`words in common (Swedish stems): ${shown}${more}`);
  }
  return reasons;
}

export function toSimilarNeedView(
  row: SimilarNeedRow,
  names: { area?: string; groups: ReadonlyMap<string, string> },
): SimilarNeedView {
  return {
    id: row.id,
    organisationId: row.organisationId,
    title: row.title,
    areaCode: row.areaCode,
    targetGroups: row.targetGroups,
    stage: row.stage,
    endorsementCount: row.endorsementCount,
    score: row.score,
    reasons: reasonsFor(row, names),
  };
}
