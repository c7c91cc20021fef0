import { Command } from '@nestjs/cqrs';
import { ActingContext } from '@styrkedjan/platform';
import type { DraftChanges } from '../../domain/support';
import { SupportView } from '../../views/support.view';

export class EditSupportCommand extends Command<SupportView> {
  constructor(
    readonly context: ActingContext,
    readonly supportId: string,
    /** The version the edit was made on (the ETag sent back in If-Match). */
    readonly expectedVersion: number,
    readonly changes: DraftChanges,
    /** Why the planned release date moves: required when it does. */
    readonly rescheduleReason: string | null,
  ) {
    super();
  }
}
