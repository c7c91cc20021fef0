import Holidays from 'date-holidays';

/**
 * Swedish working days and Swedish time, for consultation deadlines. The holidays come from `date-holidays`
 * (maintained, with the movable feasts computed): its `public` days (allmänna helgdagar) and its `bank` days,
 * which in Sweden are midsommarafton, julafton and nyårsafton, days off by law and agreement alike.
 */
const SWEDEN = new Holidays('SE', { types: ['public', 'bank'] });
const TIME_ZONE = 'Europe/Stockholm';
const DAY_MS = 86_400_000;

/** The national fixed consultation dates (month, day): 15 February, 15 April, 15 September, 15 November. */
export const FIXED_CONSULTATION_DATES: readonly (readonly [number, number])[] = [
  [2, 15],
  [4, 15],
  [9, 15],
  [11, 15],
];

/** A calendar date as `YYYY-MM-DD`, handled at noon UTC so that no time zone moves it to another day. */
function noonOf(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

export function addDays(date: string, days: number): string {
  return new Date(noonOf(date).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** Why a date is not a working day, or null when it is one. */
export function nonWorkingReason(date: string): string | null {
  const day = noonOf(date).getUTCDay();
  if (day === 0 || day === 6) return `${date} is a ${day === 0 ? 'Sunday' : 'Saturday'}`;
  const holidays = SWEDEN.isHoliday(noonOf(date));
  if (holidays) return `${date} is a Swedish holiday (${holidays.map((holiday) => holiday.name).join(', ')})`;
  return null;
}

export function isWorkingDay(date: string): boolean {
  return nonWorkingReason(date) === null;
}

/** The date itself when it is a working day, else the next one. */
export function nextWorkingDay(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** The offset of Swedish time from UTC at an instant, in milliseconds (one or two hours). */
function stockholmOffsetMs(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a day ends in Sweden: midnight after it, Swedish time (23:00 or 22:00 UTC). */
export function endOfSwedishDay(date: string): Date {
  const midnightUtc = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + 1);
  // The offset at midnight is the one at 23:00 UTC the day before: no Swedish clock change happens at midnight.
  return new Date(midnightUtc - stockholmOffsetMs(new Date(midnightUtc - 3_600_000)));
}

/** The date it is in Sweden at an instant. */
export function swedishDateOf(at: Date): string {
  return new Date(at.getTime() + stockholmOffsetMs(at)).toISOString().slice(0, 10);
}

/**
 * The first national fixed consultation date on or after `earliest`, moved to the next working day when it falls
 * on a weekend or holiday (15 November 2026 is a Sunday: the round then closes Monday 16 November).
 */
export function nextFixedConsultationDate(earliest: string): string {
  for (let year = Number(earliest.slice(0, 4)); ; year++) {
    for (const [month, day] of FIXED_CONSULTATION_DATES) {
      const fixed = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const closes = nextWorkingDay(fixed);
      if (closes >= earliest) return closes;
    }
  }
}
