import { Query } from '@nestjs/cqrs';
import { ActingContext } from '@styrkedjan/platform';
import { InboxFilter } from '../../persistence/notifications.repository';
import { InboxView } from '../../views/notification.view';

export class ListNotificationsQuery extends Query<InboxView> {
  constructor(
    readonly context: ActingContext,
    readonly filter: InboxFilter,
  ) {
    super();
  }
}
