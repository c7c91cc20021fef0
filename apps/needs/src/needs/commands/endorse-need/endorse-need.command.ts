import { Command } from '@nestjs/cqrs';
import { ActingContext } from '@styrkedjan/platform';
import { NeedView } from '../../views/need.view';

export class EndorseNeedCommand extends Command<NeedView> {
  constructor(
    readonly context: ActingContext,
    readonly needId: string,
    readonly comment: string | null,
    readonly localContext: string | null,
  ) {
    super();
  }
}
