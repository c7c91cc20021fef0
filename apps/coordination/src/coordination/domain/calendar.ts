import { InvalidInput } from '@styrkedjan/platform/errors';
import { parseAudienceKey } from './audience';
import { holidayWarning, HolidayWarning } from './holidays';

/** A calendar may span at most two years: a longer one is refused naming `to`. */
export const MAX_CALENDAR_DAYS = 731;

const DAY_MS = 86_400_000;

export interface CalendarRange {
  from: string;
  to: string;
  audienceKey?: string;
}

/** Checks a requested range and audience: `to` not before `from` and at most two years on; a known audience cell. */
export function checkCalendarRequest(range: CalendarRange): void {
  const days = (Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / DAY_MS;
  if (days < 0) throw InvalidInput.field('to', 'must not be before from');
  if (days > MAX_CALENDAR_DAYS) throw InvalidInput.field('to', 'must be at most two years after from');
  if (range.audienceKey !== undefined && !parseAudienceKey(range.audienceKey))
    throw InvalidInput.field(
      'audience',
      'must be an organisation kind and a sector, and optionally a profession (municipality:social)',
    );
}

/** The Monday of a day's ISO week, and the week's label (2027-W10). */
export function isoWeekOf(day: string): { week: string; start: string } {
  const date = new Date(`${day}T00:00:00Z`);
  const monday = new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY_MS);
  const thursday = new Date(monday.getTime() + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const firstMonday = firstThursday.getTime() - ((firstThursday.getUTCDay() + 6) % 7) * DAY_MS;
  const week = Math.floor((monday.getTime() - firstMonday) / (7 * DAY_MS)) + 1;
  return { week: `${year}-W${String(week).padStart(2, '0')}`, start: monday.toISOString().slice(0, 10) };
}

/** A municipal audience warned of a release on a holiday; other kinds are not. */
export function releaseWarning(organisationKind: string, day: string): HolidayWarning | null {
  return organisationKind === 'municipality' ? holidayWarning(day) : null;
}
