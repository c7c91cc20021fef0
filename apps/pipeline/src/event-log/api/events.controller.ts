import { Controller, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ENDPOINTS } from '@styrkedjan/access';
import { Endpoint } from '@styrkedjan/platform';
import { ListEventsQuery } from '../queries/list-events/list-events.query';
import { EventLogPageResponse } from './event-log.response.dto';
import { ListEventsQueryParams } from './list-events.query.dto';

@ApiTags('pipeline')
@Controller()
export class EventsController {
  constructor(private readonly queries: QueryBus) {}

  /** The audit trail, oldest first from a position: who did what, when, in the order the pipeline took it in. */
  @Endpoint(ENDPOINTS.pipeline.listEvents)
  @ApiOkResponse({ type: EventLogPageResponse })
  list(@Query() query: ListEventsQueryParams) {
    return this.queries.execute(
      new ListEventsQuery({ after: query.after, limit: query.limit, type: query.type, aggregateId: query.aggregateId }),
    );
  }
}
