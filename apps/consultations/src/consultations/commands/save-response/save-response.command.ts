import { Command } from '@nestjs/cqrs';
import { ActingContext } from '@styrkedjan/platform';
import type { ResponseContent } from '../../domain/consultation';
import type { ResponseView } from '../../views/response.view';

export class SaveResponseCommand extends Command<ResponseView> {
  constructor(
    readonly context: ActingContext,
    readonly consultationId: string,
    /** The version the caller edited (If-Match); null for the first save. */
    readonly expectedVersion: number | null,
    readonly content: ResponseContent,
  ) {
    super();
  }
}
