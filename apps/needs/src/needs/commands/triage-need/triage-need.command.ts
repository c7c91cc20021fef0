import { Command } from '@nestjs/cqrs';
import { ActingContext } from '@styrkedjan/platform';
import type { TriageInput } from '../../domain/need';
import { NeedView } from '../../views/need.view';

export class TriageNeedCommand extends Command<NeedView> {
  constructor(
    readonly context: ActingContext,
    readonly needId: string,
    /** The version the steering group decided on (the ETag it sent back in If-Match). */
    readonly expectedVersion: number,
    readonly input: TriageInput,
  ) {
    super();
  }
}
