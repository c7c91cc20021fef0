import { Audience, sharedAudience } from './audience';

/** What the database measured of a candidate and what the two supports state of themselves. */
export interface OverlapFeatures {
  areaCode: string;
  otherAreaCode: string;
  targetGroups: readonly string[];
  otherTargetGroups: readonly string[];
  audience: Audience;
  otherAudience: Audience;
  /** Trigram similarity of the titles (pg_trgm), 0–1. */
  titleSimilarity: number;
  /** The Swedish stems of title and summary the two have in common, and how many each has. */
  sharedWords: readonly string[];
  words: number;
  otherWords: number;
}

export interface Reason {
  code: string;
  sv: string;
  en: string;
}

export interface OverlapScore {
  score: number;
  reasons: Reason[];
  audience: Audience;
}

/**
 * The weights of the score, 0–1 in all. Text carries most, because the labelled set (pairs that overlap and pairs
 * that merely share an area) shows that area, target groups and audience are shared by both kinds of pair alike:
 * they raise a textual likeness above the threshold, they never make one alone.
 */
export const WEIGHTS = { title: 0.3, words: 0.4, area: 0.1, targetGroups: 0.1, audience: 0.1 } as const;

/** Two areas are related when they are in the same sector: the code's prefix (`social.elderly-care` → `social`). */
export function areaRelation(a: string, b: string): 'same' | 'related' | 'none' {
  if (a === b) return 'same';
  return a.split('.')[0] === b.split('.')[0] ? 'related' : 'none';
}

/**
 * How much two supports overlap, 0–1, with the reasons in words. The words' share is the overlap coefficient of
 * the stems (shared / the smaller set), scaled so that half the smaller text in common counts fully: a short
 * title and summary should not be outweighed by a long one.
 */
export function overlapScore(features: OverlapFeatures): OverlapScore {
  const relation = areaRelation(features.areaCode, features.otherAreaCode);
  const sharedGroups = features.targetGroups.filter((code) => features.otherTargetGroups.includes(code));
  const audience = sharedAudience(features.audience, features.otherAudience);
  const audienceShared = audience.organisationKinds.length > 0;
  const smaller = Math.min(features.words, features.otherWords);
  const wordShare = smaller ? Math.min(1, features.sharedWords.length / smaller / 0.5) : 0;
  const groupUnion = new Set([...features.targetGroups, ...features.otherTargetGroups]).size;
  // A part neither support states (drafts made before target groups and audiences existed) says nothing either
  // way: the score is taken over the parts that are known, so such drafts are not held below the threshold.
  const statesAudience = features.audience.organisationKinds.length + features.otherAudience.organisationKinds.length;
  const known =
    WEIGHTS.title +
    WEIGHTS.words +
    WEIGHTS.area +
    (groupUnion ? WEIGHTS.targetGroups : 0) +
    (statesAudience ? WEIGHTS.audience : 0);
  const raw =
    (WEIGHTS.title * features.titleSimilarity +
      WEIGHTS.words * wordShare +
      WEIGHTS.area * (relation === 'same' ? 1 : relation === 'related' ? 0.5 : 0) +
      WEIGHTS.targetGroups * (groupUnion ? sharedGroups.length / groupUnion : 0) +
      WEIGHTS.audience * (audienceShared ? 1 : 0)) /
    known;
  const reasons: Reason[] = [];
  if (relation === 'same') reasons.push({ code: 'same-area', sv: 'samma område', en: 'same area' });
  if (relation === 'related')
    reasons.push({ code: 'related-area', sv: 'närliggande område', en: 'related area (same sector)' });
  if (sharedGroups.length)
    reasons.push({
      code: 'shared-target-groups',
      sv: `${count(sharedGroups.length, 'gemensam målgrupp', 'gemensamma målgrupper')}: ${sharedGroups.join(', ')}`,
      en: `${countEn(sharedGroups.length, 'shared target group')}: ${sharedGroups.join(', ')}`,
    });
  if (audienceShared)
    reasons.push({
      code: 'shared-audience',
      sv: `samma mottagare: ${audience.organisationKinds.join(', ')}`,
      en: `same audience: ${audience.organisationKinds.join(', ')}`,
    });
  if (features.titleSimilarity >= 0.3)
    reasons.push({
      code: 'similar-title',
      sv: `liknande titel (${percent(features.titleSimilarity)} lika)`,
      en: `similar title (${percent(features.titleSimilarity)} alike)`,
    });
  if (features.sharedWords.length)
    reasons.push({
      code: 'shared-words',
      sv: `gemensamma ord: ${features.sharedWords.slice(0, 8).join(', ')}`,
      en: `words in common (Swedish stems): ${features.sharedWords.slice(0, 8).join(', ')}`,
    });
  return { score: Math.round(raw * 1000) / 1000, reasons, audience };
}

const NUMBERS_SV = ['noll', 'en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio'];
const NUMBERS_EN = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function count(n: number, one: string, many: string): string {
  return `${NUMBERS_SV[n] ?? n} ${n === 1 ? one : many}`;
}

function countEn(n: number, noun: string): string {
  return `${NUMBERS_EN[n] ?? n} ${noun}${n === 1 ? '' : 's'}`;
}

function percent(value: number): string {
  return `${Math.round(value * 100)} %`;
}
