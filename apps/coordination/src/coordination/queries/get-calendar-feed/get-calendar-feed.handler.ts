import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { checkCalendarRequest } from '../../domain/calendar';
import { CalendarRepository } from '../../persistence/calendar.repository';
import { calendarFeed } from '../../views/calendar-feed';
import { GetCalendarFeedQuery } from './get-calendar-feed.query';

/** The same range, audience and agency as `GET /calendar`, item by item, as a subscribable feed. */
@QueryHandler(GetCalendarFeedQuery)
export class GetCalendarFeedHandler implements IQueryHandler<GetCalendarFeedQuery, string> {
  constructor(private readonly calendar: CalendarRepository) {}

  async execute(query: GetCalendarFeedQuery): Promise<string> {
    checkCalendarRequest(query.filter);
    return calendarFeed(await this.calendar.entries(query.filter));
  }
}
