import { Command } from '@nestjs/cqrs';
import { ActingContext } from '@styrkedjan/platform';
import { SupportView } from '../../views/support.view';

export class DraftSupportCommand extends Command<SupportView> {
  constructor(
    readonly context: ActingContext,
    readonly title: string,
    readonly summary: string,
    readonly areaCode: string,
    readonly needIds: readonly string[],
    readonly coProducerIds: readonly string[],
    /** `YYYY-MM-DD`, or null when no release is planned yet. */
    readonly plannedReleaseDate: string | null,
  ) {
    super();
  }
}
