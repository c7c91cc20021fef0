import ical from 'ical-generator';
import { releaseWarning } from '../domain/calendar';
import type { CalendarEntry } from '../persistence/calendar.repository';

/**
 * Calendar entries as an iCalendar feed (RFC 5545, by `ical-generator`): one all-day event per release or closing
 * consultation, whatever number of audience cells it reaches (they are listed in its description), with a stable
 * UID so that a calendar program moves a rescheduled release rather than adding a second one.
 */
export function calendarFeed(entries: readonly CalendarEntry[]): string {
  const feed = ical({ name: 'Styrkedjan – utgivningskalender', prodId: '//Styrkedjan//Coordination//SV' });
  const items = new Map<
    string,
    { title: string; day: string; kind: string; audiences: string[]; warnings: string[] }
  >();
  for (const entry of entries) {
    const key = `${entry.kind}:${entry.itemId}`;
    const item = items.get(key) ?? {
      title: entry.title,
      day: entry.day,
      kind: entry.kind,
      audiences: [],
      warnings: [],
    };
    item.audiences.push(entry.audienceKey);
    const warning = entry.kind === 'release' ? releaseWarning(entry.organisationKind, entry.day) : null;
    if (warning && !item.warnings.includes(warning.sv)) item.warnings.push(warning.sv);
    items.set(key, item);
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
