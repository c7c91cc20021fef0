import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { notFound } from '@styrkedjan/platform';
import { NotificationsRepository } from '../../persistence/notifications.repository';
import { NotificationView } from '../../persistence/notification.view';
import { requireOwnInbox } from '../../own-inbox';
import { MarkNotificationReadCommand } from './mark-notification-read.command';

/** Marks one notification read; idempotent, so a retried click changes nothing and answers the same. */
@CommandHandler(MarkNotificationReadCommand)
export class MarkNotificationReadHandler implements ICommandHandler<MarkNotificationReadCommand, NotificationView> {
  constructor(private readonly notifications: NotificationsRepository) {}

  async execute(command: MarkNotificationReadCommand): Promise<NotificationView> {
    requireOwnInbox(command.context.principal.organisationId, command.organisationId);
    const notification = await this.notifications.markRead(command.organisationId, command.notificationId);
    if (!notification) throw notFound('Notification', command.notificationId);
    return notification;
  }
}
