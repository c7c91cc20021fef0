import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventLogPage, EventLogRepository } from '../../persistence/event-log.repository';
import { ListEventsQuery } from './list-events.query';

@QueryHandler(ListEventsQuery)
export class ListEventsHandler implements IQueryHandler<ListEventsQuery, EventLogPage> {
  constructor(private readonly log: EventLogRepository) {}

  execute(query: ListEventsQuery): Promise<EventLogPage> {
    return this.log.list(query.filter);
  }
}
