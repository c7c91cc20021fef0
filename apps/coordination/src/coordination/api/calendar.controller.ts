import { Controller, Header, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ENDPOINTS } from '@styrkedjan/access';
import { Endpoint } from '@styrkedjan/platform';
import { GetCalendarQuery } from '../queries/get-calendar/get-calendar.query';
import { GetCalendarFeedQuery } from '../queries/get-calendar-feed/get-calendar-feed.query';
import { CalendarQueryParams } from './calendar.query.dto';
import { CalendarResponse } from './coordination.response.dto';

@ApiTags('coordination')
@Controller()
export class CalendarController {
  constructor(private readonly queries: QueryBus) {}

  @Endpoint(ENDPOINTS.coordination.getCalendar)
  @ApiOkResponse({ type: CalendarResponse })
  @ApiBadRequestResponse({ description: 'A range over two years (naming to), or an unknown audience' })
  get(@Query() query: CalendarQueryParams) {
    return this.queries.execute(new GetCalendarQuery(filterOf(query)));
  }

  @Endpoint(ENDPOINTS.coordination.getCalendarFeed)
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'An iCalendar feed (RFC 5545)', schema: { type: 'string', maxLength: 10_000_000 } })
  @ApiBadRequestResponse({ description: 'A range over two years (naming to), or an unknown audience' })
  feed(@Query() query: CalendarQueryParams) {
    return this.queries.execute(new GetCalendarFeedQuery(filterOf(query)));
  }
}

function filterOf(query: CalendarQueryParams) {
  return { from: query.from, to: query.to, audienceKey: query.audience, agencyId: query.agencyId?.toLowerCase() };
}
