import type { HolidayWarning } from '../domain/holidays';
import type { CalendarEntryKind } from '../persistence/calendar.repository';

export interface CalendarItemView {
  kind: CalendarEntryKind;
  /** The support for a release, the consultation round for a closing. */
  id: string;
  supportId: string;
  title: string;
  leadAgencyId: string;
  day: string;
  warning: HolidayWarning | null;
}

export interface CalendarCellView {
  audience: string;
  organisationKind: string;
  sector: string;
  profession: string | null;
  releases: number;
  consultationsClosing: number;
  /** Releases and closing consultations together: what the audience receives that week. */
  load: number;
  items: CalendarItemView[];
  /** The open collisions this week's releases are part of. */
  collisionIds: string[];
}

export interface CalendarWeekView {
  week: string;
  start: string;
  audiences: CalendarCellView[];
}

export interface CollisionView {
  id: string;
  audience: string;
  from: string;
  to: string;
  supportIds: string[];
  leadAgencyIds: string[];
  detectedAt: string;
}

export interface CalendarView {
  from: string;
  to: string;
  weeks: CalendarWeekView[];
  collisions: CollisionView[];
  rule: { limit: number; windowWeeks: number };
}
