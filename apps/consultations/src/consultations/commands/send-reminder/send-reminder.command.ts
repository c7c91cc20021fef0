import { Command } from '@nestjs/cqrs';
import { RequestContext } from '@styrkedjan/platform';

/** Reminds a round's pending consultees once its reminder is due; answers whether this call sent it. */
export class SendReminderCommand extends Command<boolean> {
  constructor(
    readonly context: RequestContext,
    readonly consultationId: string,
  ) {
    super();
  }
}
