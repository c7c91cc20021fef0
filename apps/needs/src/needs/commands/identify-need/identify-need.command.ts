import { Command } from '@nestjs/cqrs';
import { ActingContext } from '@styrkedjan/platform';
import { NeedView } from '../../views/need.view';

export class IdentifyNeedCommand extends Command<NeedView> {
  constructor(
    readonly context: ActingContext,
    readonly title: string,
    readonly description: string,
    readonly areaCode: string,
    readonly targetGroup: string,
  ) {
    super();
  }
}
