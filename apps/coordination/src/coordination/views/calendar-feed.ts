import ical from 'ical-generator';
import type { CalendarView } from './calendar.view';

/**
 * The calendar as an iCalendar feed (RFC 5545, by `ical-generator`): one all-day event per release or closing
 * consultation, whatever number of audience cells it reaches (they are listed in its description), with a stable
 * UID so that a calendar program updates a moved release rather than adding a second one.
 */
export function calendarFeed(calendar: CalendarView): string {
  const feed = ical({ name: 'Styrkedjan – utgivningskalender', prodId: '//Styrkedjan//Coordination//SV' });
  const items = new Map<
    string,
    { title: string; day: string; kind: string; audiences: string[]; warnings: string[] }
  >();
  for (const week of calendar.weeks)
    for (const cell of week.audiences)
      for (const item of cell.items) {
        const key = `${item.kind}:${item.id}`;
        const known = items.get(key) ?? {
          title: item.title,
          day: item.day,
          kind: item.kind,
          audiences: [],
          warnings: [],
        };
        known.audiences.push(cell.audience);
        if (item.warning && !known.warnings.includes(item.warning.sv)) known.warnings.push(item.warning.sv);
        items.set(key, known);
      }
  for (const [key, item] of items) {
    const start = new Date(`${item.day}T00:00:00Z`);
    feed.createEvent({
      id: `${key}@styrkedjan`,
      start,
      end: new Date(start.getTime() + 86_400_000),
      allDay: true,
      summary: `${item.kind === 'release' ? 'Utgivning' : 'Remiss stänger'}: ${item.title}`,
      description: [`Mottagare: ${item.audiences.join(', ')}`, ...item.warnings.map((w) => `Varning: ${w}`)].join('\n'),
    });
  }
  return feed.toString();
}
