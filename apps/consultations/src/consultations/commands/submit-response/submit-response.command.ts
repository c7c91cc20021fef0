import { Command } from '@nestjs/cqrs';
import { ActingContext } from '@styrkedjan/platform';
import type { ResponseView } from '../../views/response.view';

export class SubmitResponseCommand extends Command<ResponseView> {
  constructor(
    readonly context: ActingContext,
    readonly consultationId: string,
    /** The version the caller read (If-Match): what is submitted is what was read. */
    readonly expectedVersion: number,
  ) {
    super();
  }
}
