import { Query } from '@nestjs/cqrs';
import { EventLogFilter, EventLogPage } from '../../persistence/event-log.repository';

export class ListEventsQuery extends Query<EventLogPage> {
  constructor(readonly filter: EventLogFilter) {
    super();
  }
}
