import { christmasPeriod } from './holidays';

/** The Christmas periods a range of days can touch: the one starting in the year before it and each of its years. */
export function christmasPeriodsOf(from: string, to: string): { from: string; to: string }[] {
  const periods: { from: string; to: string }[] = [];
  for (let year = Number(from.slice(0, 4)) - 1; year <= Number(to.slice(0, 4)); year++)
    periods.push(christmasPeriod(year));
  return periods;
}
