import { Command } from '@nestjs/cqrs';
import type { OverlapResolution } from '@styrkedjan/contracts';
import { ActingContext } from '@styrkedjan/platform';
import { OverlapView } from '../../views/overlap.view';

export class ResolveOverlapCommand extends Command<OverlapView> {
  constructor(
    readonly context: ActingContext,
    readonly overlapId: string,
    readonly resolution: OverlapResolution,
    readonly rationale: string,
    readonly withdrawSupportId: string | null,
  ) {
    super();
  }
}
