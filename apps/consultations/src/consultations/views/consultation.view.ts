import type { Consultee, Question, Round, Section } from '../domain/consultation';

/** A round as the API shows it: plain JSON, so a replayed idempotent answer is the same bytes. */
export interface ConsultationView {
  id: string;
  supportId: string;
  supportTitle: string;
  leadAgencyId: string;
  edition: string;
  areaCode: string;
  status: 'open' | 'closed';
  questions: Question[];
  sections: Section[];
  documentUrl: string | null;
  /** The last day responses are taken; they are taken until the end of it, Swedish time (`closesAt`). */
  closesOn: string;
  closesAt: string;
  remindAt: string;
  openedAt: string;
  closedAt: string | null;
  early: boolean;
  consultees: Consultee[];
  version: number;
}

export function toConsultationView(round: Round, consultees: Consultee[]): ConsultationView {
  return {
    id: round.id,
    supportId: round.supportId,
    supportTitle: round.supportTitle,
    leadAgencyId: round.leadAgencyId,
    edition: round.edition,
    areaCode: round.areaCode,
    status: round.status,
    questions: round.questions,
    sections: round.sections,
    documentUrl: round.documentUrl,
    closesOn: round.closesOn,
    closesAt: round.closesAt.toISOString(),
    remindAt: round.remindAt.toISOString(),
    openedAt: round.openedAt.toISOString(),
    closedAt: round.closedAt?.toISOString() ?? null,
    early: round.early,
    consultees,
    version: round.version,
  };
}

/** A round in a support's list: without its consultees. */
export type ConsultationSummaryView = Omit<ConsultationView, 'consultees'> & { consulteeCount: number };
