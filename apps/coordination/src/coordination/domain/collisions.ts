/** A support planned for release to one audience cell. */
export interface PlannedRelease {
  supportId: string;
  title: string;
  leadAgencyId: string;
  /** YYYY-MM-DD */
  date: string;
}

export interface CollisionRule {
  /** More than this many releases to one audience within the window is a collision. */
  limit: number;
  windowWeeks: number;
}

/** The releases that collide, and the span of days they fall in. */
export interface CollisionSpan {
  from: string;
  to: string;
  releases: PlannedRelease[];
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The collisions of one audience: every sliding window of `windowWeeks` × 7 days holding more than `limit`
 * releases, windows that share a release merged into one span. Dates only, no clock: the same releases always
 * give the same spans, so replay equals live.
 */
export function collisionSpans(releases: readonly PlannedRelease[], rule: CollisionRule): CollisionSpan[] {
  const sorted = [...releases].sort((a, b) => a.date.localeCompare(b.date) || a.supportId.localeCompare(b.supportId));
  const windowDays = rule.windowWeeks * 7;
  const spans: { first: number; last: number }[] = [];
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (dayNumber(sorted[end].date) - dayNumber(sorted[start].date) >= windowDays) start++;
    if (end - start + 1 <= rule.limit) continue;
    const current = spans[spans.length - 1];
    if (current && start <= current.last) current.last = end;
    else spans.push({ first: start, last: end });
  }
  return spans.map(({ first, last }) => ({
    from: sorted[first].date,
    to: sorted[last].date,
    releases: sorted.slice(first, last + 1),
  }));
}
