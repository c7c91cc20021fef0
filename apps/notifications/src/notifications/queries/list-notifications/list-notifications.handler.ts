import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotificationsRepository } from '../../persistence/notifications.repository';
import { InboxView } from '../../views/notification.view';
import { ListNotificationsQuery } from './list-notifications.query';

@QueryHandler(ListNotificationsQuery)
export class ListNotificationsHandler implements IQueryHandler<ListNotificationsQuery, InboxView> {
  constructor(private readonly notifications: NotificationsRepository) {}

  execute(query: ListNotificationsQuery): Promise<InboxView> {
    return this.notifications.inbox(query.filter);
  }
}
