import { Query } from '@nestjs/cqrs';
import { CalendarFilter } from '../../persistence/calendar.repository';
import { CalendarView } from '../../views/calendar.view';

export class GetCalendarQuery extends Query<CalendarView> {
  constructor(readonly filter: CalendarFilter) {
    super();
  }
}
