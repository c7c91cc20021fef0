import { Command } from '@nestjs/cqrs';
import { RequestContext } from '@styrkedjan/platform';
import type { ConsultationView } from '../../views/consultation.view';

/**
 * Closes a round: by its lead agency before the deadline (`byLead`), or by the service when the deadline has
 * come (then nothing happens before it: an extended round's old close job finds it not yet due).
 */
export class CloseConsultationCommand extends Command<ConsultationView | null> {
  constructor(
    readonly context: RequestContext,
    readonly consultationId: string,
    readonly byLead: boolean,
  ) {
    super();
  }
}
