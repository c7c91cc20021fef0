import { Command } from '@nestjs/cqrs';
import { ActingContext } from '@styrkedjan/platform';
import { NeedView } from '../../views/need.view';

export class MergeNeedCommand extends Command<NeedView> {
  constructor(
    readonly context: ActingContext,
    readonly needId: string,
    readonly intoNeedId: string,
    readonly rationale: string,
  ) {
    super();
  }
}
