import { Command } from '@nestjs/cqrs';
import { ActingContext } from '@styrkedjan/platform';
import { SupportView } from '../../views/support.view';

export class PublishSupportCommand extends Command<SupportView> {
  constructor(
    readonly context: ActingContext,
    readonly supportId: string,
  ) {
    super();
  }
}
