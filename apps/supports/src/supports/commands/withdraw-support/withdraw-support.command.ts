import { Command } from '@nestjs/cqrs';
import { ActingContext } from '@styrkedjan/platform';
import { SupportView } from '../../views/support.view';

export class WithdrawSupportCommand extends Command<SupportView> {
  constructor(
    readonly context: ActingContext,
    readonly supportId: string,
    readonly reason: string,
    readonly replacedBySupportId: string | null,
  ) {
    super();
  }
}
