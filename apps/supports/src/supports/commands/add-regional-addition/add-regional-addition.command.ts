import { Command } from '@nestjs/cqrs';
import { ActingContext } from '@styrkedjan/platform';
import { RegionalAdditionView } from '../../views/support.view';

export class AddRegionalAdditionCommand extends Command<RegionalAdditionView> {
  constructor(
    readonly context: ActingContext,
    readonly supportId: string,
    readonly title: string,
    readonly summary: string,
    readonly url: string | null,
  ) {
    super();
  }
}
