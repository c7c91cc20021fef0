import { Query } from '@nestjs/cqrs';
import { CalendarFilter } from '../../persistence/calendar.repository';

/** The calendar's releases and closing consultations as an iCalendar feed. */
export class GetCalendarFeedQuery extends Query<string> {
  constructor(readonly filter: CalendarFilter) {
    super();
  }
}
