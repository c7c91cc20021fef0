import { Command } from '@nestjs/cqrs';
import { ActingContext } from '@styrkedjan/platform';
import { IdentifiedNeedView } from '../../views/need.view';

export class IdentifyNeedCommand extends Command<IdentifiedNeedView> {
  constructor(
    readonly context: ActingContext,
    readonly title: string,
    readonly description: string,
    readonly areaCode: string,
    readonly targetGroups: readonly string[],
    readonly note: string | null = null,
  ) {
    super();
  }
}
