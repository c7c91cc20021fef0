/** What the database measured of a candidate: how alike its text is, and what it shares with the need. */
export interface SimilarityFeatures {
  /** Trigram similarity of the titles (pg_trgm), 0–1. */
  titleSimilarity: number;
  /** Full-text rank of the candidate against the need's title words, normalised to 0–1. */
  textRank: number;
  sameArea: boolean;
  /** The candidate's target groups. */
  targetGroups: readonly string[];
}

/**
 * How similar a candidate is, 0–1: half its text (the better of trigram similarity of the titles and the
 * full-text rank), a quarter for the same area, a quarter for the share of target groups in common (Jaccard).
 */
export function similarityScore(candidate: SimilarityFeatures, needTargetGroups: readonly string[]): number {
  const text = Math.max(candidate.titleSimilarity, candidate.textRank);
  const union = new Set([...candidate.targetGroups, ...needTargetGroups]);
  const shared = sharedTargetGroups(candidate.targetGroups, needTargetGroups).length;
  const score = 0.5 * text + 0.25 * (candidate.sameArea ? 1 : 0) + 0.25 * (union.size ? shared / union.size : 0);
  return Math.round(score * 1000) / 1000;
}

export function sharedTargetGroups(a: readonly string[], b: readonly string[]): string[] {
  const other = new Set(b);
  return a.filter((code) => other.has(code));
}
