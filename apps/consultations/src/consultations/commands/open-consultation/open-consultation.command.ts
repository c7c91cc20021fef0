import { Command } from '@nestjs/cqrs';
import { ActingContext } from '@styrkedjan/platform';
import type { ConsulteeSelector, Question, Section } from '../../domain/consultation';
import type { ConsultationView } from '../../views/consultation.view';

export interface OpenConsultation {
  consultees: { organisationIds: string[]; selectors: ConsulteeSelector[] };
  questions: Question[];
  sections: Section[];
  /** The requested last day, `YYYY-MM-DD`. */
  closesAt: string;
  snapToFixedDate: boolean;
  documentUrl: string | null;
}

export class OpenConsultationCommand extends Command<ConsultationView> {
  constructor(
    readonly context: ActingContext,
    readonly supportId: string,
    readonly round: OpenConsultation,
  ) {
    super();
  }
}
