import { Command } from '@nestjs/cqrs';
import { ActingContext } from '@styrkedjan/platform';
import type { ConsultationView } from '../../views/consultation.view';

export class ExtendConsultationCommand extends Command<ConsultationView> {
  constructor(
    readonly context: ActingContext,
    readonly consultationId: string,
    /** The new last day, `YYYY-MM-DD`. */
    readonly closesAt: string,
    readonly reason: string,
  ) {
    super();
  }
}
