import Holidays from 'date-holidays';

export interface HolidayWarning {
  code: 'summer-holiday' | 'christmas-holiday';
  sv: string;
  en: string;
}

const SWEDEN = new Holidays('SE');
const christmasByYear = new Map<number, { from: string; to: string }>();

/**
 * The weeks around Christmas in a year's end: from the Monday of the week of Christmas Eve (julafton) to
 * Epiphany (trettondedag jul) of the next year, by the Swedish calendar of `date-holidays`.
 */
export function christmasPeriod(year: number): { from: string; to: string } {
  const known = christmasByYear.get(year);
  if (known) return known;
  const day = (holidays: { date: string; name: string }[], name: string) =>
    holidays.find((holiday) => holiday.name === name)?.date.slice(0, 10);
  const eve = day(SWEDEN.getHolidays(year), 'julafton') ?? `${year}-12-24`;
  const epiphany = day(SWEDEN.getHolidays(year + 1), 'trettondedag jul') ?? `${year + 1}-01-06`;
  const eveDate = new Date(`${eve}T00:00:00Z`);
  eveDate.setUTCDate(eveDate.getUTCDate() - ((eveDate.getUTCDay() + 6) % 7));
  const period = { from: eveDate.toISOString().slice(0, 10), to: epiphany };
  christmasByYear.set(year, period);
  return period;
}

/**
 * Why a release on this day reaches municipal staff at a bad time: July, when most take their summer leave, and
 * the weeks around Christmas. Null on any other day.
 */
export function holidayWarning(date: string): HolidayWarning | null {
  const year = Number(date.slice(0, 4));
  if (date.slice(5, 7) === '07')
    return {
      code: 'summer-holiday',
      sv: 'utgivning i juli, under semesterperioden',
      en: 'release in July, the summer holiday period',
    };
  for (const period of [christmasPeriod(year - 1), christmasPeriod(year)]) {
    if (date >= period.from && date <= period.to)
      return {
        code: 'christmas-holiday',
        sv: 'utgivning under jul- och nyårshelgerna',
        en: 'release in the weeks around Christmas',
      };
  }
  return null;
}
