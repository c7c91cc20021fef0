import { Command } from '@nestjs/cqrs';
import type { Audience } from '@styrkedjan/contracts';
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
    /** Who the support is for; optional while drafting (a draft may start from its title). */
    readonly classification: {
      productType: string | null;
      targetGroups: readonly string[];
      audience: Audience | null;
    } = {
      productType: null,
      targetGroups: [],
      audience: null,
    },
  ) {
    super();
  }
}
