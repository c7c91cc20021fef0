/** The lists of the coordination board, each paginated and exportable as CSV. */
export const BOARD_LISTS = [
  'open-overlaps',
  'open-collisions',
  'contested-needs',
  'supports-by-area',
  'recently-resolved',
] as const;
export type BoardList = (typeof BOARD_LISTS)[number];

const DAY_MS = 86_400_000;

/** Whole days an item has been open, as of `now`. */
export function ageInDays(since: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));
}
