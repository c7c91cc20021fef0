import type { HolidayWarning } from '../domain/holidays';

/** A release to a municipal audience on a bad day, with why. */
export interface CalendarWarningView extends HolidayWarning {
  supportId: string;
  title: string;
  day: string;
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
  warnings: CalendarWarningView[];
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
