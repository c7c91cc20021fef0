import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requireOwnInbox } from '../../own-inbox';
import { NotificationsRepository } from '../../persistence/notifications.repository';
import { InboxView } from '../../persistence/notification.view';
import { ListNotificationsQuery } from './list-notifications.query';

@QueryHandler(ListNotificationsQuery)
export class ListNotificationsHandler implements IQueryHandler<ListNotificationsQuery, InboxView> {
  constructor(private readonly notifications: NotificationsRepository) {}

  execute(query: ListNotificationsQuery): Promise<InboxView> {
    requireOwnInbox(query.context.principal.organisationId, query.filter.organisationId);
    return this.notifications.inbox(query.filter);
  }
}
