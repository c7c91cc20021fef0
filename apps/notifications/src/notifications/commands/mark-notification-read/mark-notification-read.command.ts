import { Command } from '@nestjs/cqrs';
import { ActingContext } from '@styrkedjan/platform';
import { NotificationView } from '../../views/notification.view';

export class MarkNotificationReadCommand extends Command<NotificationView> {
  constructor(
    readonly context: ActingContext,
    readonly organisationId: string,
    readonly notificationId: string,
  ) {
    super();
  }
}
