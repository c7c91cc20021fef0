import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CommentOutcome } from '@styrkedjan/contracts';
import type { Round } from '../domain/consultation';

/** One comment of the report, with who made it and the lead's answer. */
export interface ReportRow {
  commentId: string;
  sectionId: string | null;
  organisationId: string;
  organisationName: string | null;
  text: string;
  outcome: CommentOutcome | null;
  answer: string | null;
  answeredAt: Date | null;
}

interface Row {
  id: string;
  section_rank: number;
  section_id: string | null;
  organisation_id: string;
  organisation_name: string | null;
  position: number;
  text: string;
  outcome: CommentOutcome | null;
  answer: string | null;
  answered_at: Date | null;
}

/** The submitted comments of a round in the report's order: general ones first, then by section, then by organisation. */
@Injectable()
export class ReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Page by page, keyset on (section, organisation, position): a large report is never held whole. */
  async *pages(round: Round, pageSize = 500): AsyncGenerator<ReportRow[]> {
    const sectionIds = round.sections.map((section) => section.id);
    let after: [number, string, number] = [-1, '00000000-0000-0000-0000-000000000000', -1];
    for (;;) {
      const rows: Row[] = await this.dataSource.query(
        `SELECT * FROM (
           SELECT c.id, coalesce(array_position($2::text[], c.section_id), 0) AS section_rank, c.section_id,
                  c.organisation_id, o.name AS organisation_name, c.position, c.text, c.outcome, c.answer, c.answered_at
           FROM comments c LEFT JOIN known_organisations o ON o.id = c.organisation_id
           WHERE c.consultation_id = $1 AND c.submitted) AS report
         WHERE (section_rank, organisation_id, position) > ($3::int, $4::uuid, $5::int)
         ORDER BY section_rank, organisation_id, position LIMIT $6`,
        [round.id, sectionIds, ...after, pageSize],
      );
      if (!rows.length) return;
      yield rows.map((row) => ({
        commentId: row.id,
        sectionId: row.section_id,
        organisationId: row.organisation_id,
        organisationName: row.organisation_name,
        text: row.text,
        outcome: row.outcome,
        answer: row.answer,
        answeredAt: row.answered_at,
      }));
      if (rows.length < pageSize) return;
      const last = rows[rows.length - 1];
      after = [last.section_rank, last.organisation_id, last.position];
    }
  }
}
