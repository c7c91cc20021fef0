import type { CommentOutcome } from '@styrkedjan/contracts';
import type { Answer, Consultee, KnownSupport, Question, Round, Section } from '../domain/consultation';

/** Rows as PostgreSQL returns them, and their domain shapes. */
export interface RoundRow {
  id: string;
  support_id: string;
  edition: string;
  lead_agency_id: string;
  support_title: string;
  area_code: string;
  questions: Question[];
  sections: Section[];
  document_url: string | null;
  closes_on: string;
  closes_at: Date;
  remind_at: Date;
  status: 'open' | 'closed';
  opened_at: Date;
  closed_at: Date | null;
  early: boolean;
  version: number;
}

export const toRound = (row: RoundRow): Round => ({
  id: row.id,
  supportId: row.support_id,
  edition: row.edition,
  leadAgencyId: row.lead_agency_id,
  supportTitle: row.support_title,
  areaCode: row.area_code,
  questions: row.questions,
  sections: row.sections,
  documentUrl: row.document_url,
  closesOn: row.closes_on,
  closesAt: row.closes_at,
  remindAt: row.remind_at,
  status: row.status,
  openedAt: row.opened_at,
  closedAt: row.closed_at,
  early: row.early,
  version: row.version,
});

/** `closes_on` as text: a date column would come back as a Date at local midnight. */
export const ROUND_COLUMNS = `id, support_id, edition, lead_agency_id, support_title, area_code, questions, sections,
  document_url, closes_on::text AS closes_on, closes_at, remind_at, status, opened_at, closed_at, early, version`;

export interface SupportRow {
  support_id: string;
  lead_agency_id: string;
  title: string;
  area_code: string;
  status: KnownSupport['status'];
  draft_edition: string | null;
  aggregate_version: number;
}

export const toSupport = (row: SupportRow): KnownSupport => ({
  supportId: row.support_id,
  leadAgencyId: row.lead_agency_id,
  title: row.title,
  areaCode: row.area_code,
  status: row.status,
  draftEdition: row.draft_edition,
  aggregateVersion: row.aggregate_version,
});

export interface ConsulteeRow {
  organisation_id: string;
  kind: string;
  region_id: string | null;
}

export const toConsultee = (row: ConsulteeRow): Consultee => ({
  organisationId: row.organisation_id,
  kind: row.kind,
  regionId: row.region_id,
});

export interface StoredComment {
  id: string;
  sectionId: string | null;
  text: string;
  organisationId: string;
  outcome: CommentOutcome | null;
  answer: string | null;
  answeredAt: Date | null;
}

export interface StoredResponse {
  id: string;
  consultationId: string;
  organisationId: string;
  status: 'draft' | 'submitted';
  answers: Answer[];
  comments: StoredComment[];
  noComments: boolean;
  version: number;
  savedAt: Date;
  submittedAt: Date | null;
}
