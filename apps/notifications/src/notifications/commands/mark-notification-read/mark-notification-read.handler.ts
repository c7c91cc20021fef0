import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { NotFound } from '@styrkedjan/platform';
import { NotificationsRepository } from '../../persistence/notifications.repository';
import { NotificationView } from '../../views/notification.view';
import { MarkNotificationReadCommand } from './mark-notification-read.command';

/** Marks one notification read; idempotent, so a retried click changes nothing and answers the same. */
@CommandHandler(MarkNotificationReadCommand)
export class MarkNotificationReadHandler implements ICommandHandler<MarkNotificationReadCommand, NotificationView> {
  constructor(private readonly notifications: NotificationsRepository) {}

  async execute(command: MarkNotificationReadCommand): Promise<NotificationView> {
    const notification = await this.notifications.markRead(command.organisationId, command.notificationId);
    if (!notification) throw new NotFound('Notification', command.notificationId);
    return notification;
  }
}
