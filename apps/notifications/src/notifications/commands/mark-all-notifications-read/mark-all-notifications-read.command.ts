import { Command } from '@nestjs/cqrs';
import { ActingContext } from '@styrkedjan/platform';

export class MarkAllNotificationsReadCommand extends Command<{ marked: number }> {
  constructor(
    readonly context: ActingContext,
    readonly organisationId: string,
  ) {
    super();
  }
}
