import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { NotificationsRepository } from '../../persistence/notifications.repository';
import { MarkAllNotificationsReadCommand } from './mark-all-notifications-read.command';

/** Marks the whole inbox read and says how many were still unread; a second call marks 0. */
@CommandHandler(MarkAllNotificationsReadCommand)
export class MarkAllNotificationsReadHandler implements ICommandHandler<
  MarkAllNotificationsReadCommand,
  { marked: number }
> {
  constructor(private readonly notifications: NotificationsRepository) {}

  async execute(command: MarkAllNotificationsReadCommand): Promise<{ marked: number }> {
    return { marked: await this.notifications.markAllRead(command.organisationId) };
  }
}
