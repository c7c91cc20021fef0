import { Command } from '@nestjs/cqrs';
import type { RevisionChange } from '@styrkedjan/contracts';
import { ActingContext } from '@styrkedjan/platform';
import { SupportView } from '../../views/support.view';

export class StartRevisionCommand extends Command<SupportView> {
  constructor(
    readonly context: ActingContext,
    readonly supportId: string,
    readonly change: RevisionChange,
    readonly changeNote: string,
  ) {
    super();
  }
}
