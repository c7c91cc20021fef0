import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { CommentOutcome } from '@styrkedjan/contracts';
import type { Answer, ResponseContent } from '../domain/consultation';
import type { StoredComment, StoredResponse } from './rows';

interface ResponseRow {
  id: string;
  consultation_id: string;
  organisation_id: string;
  status: 'draft' | 'submitted';
  answers: Answer[];
  no_comments: boolean;
  version: number;
  saved_at: Date;
  submitted_at: Date | null;
}

interface CommentRow {
  id: string;
  section_id: string | null;
  text: string;
  organisation_id: string;
  outcome: CommentOutcome | null;
  answer: string | null;
  answered_at: Date | null;
}

const toComment = (row: CommentRow): StoredComment => ({
  id: row.id,
  sectionId: row.section_id,
  text: row.text,
  organisationId: row.organisation_id,
  outcome: row.outcome,
  answer: row.answer,
  answeredAt: row.answered_at,
});

/** A consultee's response and its comments; the comments of submitted responses are the report's rows. */
@Injectable()
export class ResponsesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(
    consultationId: string,
    organisationId: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<StoredResponse | null> {
    const rows: ResponseRow[] = await manager.query(
      `SELECT * FROM responses WHERE consultation_id = $1 AND organisation_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [consultationId, organisationId],
    );
    if (!rows.length) return null;
    const comments: CommentRow[] = await manager.query(
      'SELECT id, section_id, text, organisation_id, outcome, answer, answered_at FROM comments WHERE response_id = $1 ORDER BY position',
      [rows[0].id],
    );
    const row = rows[0];
    return {
      id: row.id,
      consultationId: row.consultation_id,
      organisationId: row.organisation_id,
      status: row.status,
      answers: row.answers,
      comments: comments.map(toComment),
      noComments: row.no_comments,
      version: row.version,
      savedAt: row.saved_at,
      submittedAt: row.submitted_at,
    };
  }

  /**
   * Saves a draft: the first save inserts it (the unique key makes a second organisation member's concurrent first
   * save fail rather than both win), later ones replace its content and comments and raise its version.
   */
  async saveDraft(
    manager: EntityManager,
    existing: StoredResponse | null,
    draft: { consultationId: string; organisationId: string; content: ResponseContent; savedAt: Date },
  ): Promise<StoredResponse> {
    const id = existing?.id ?? randomUUID();
    if (existing) {
      await manager.query(
        'UPDATE responses SET answers = $2::jsonb, no_comments = $3, version = version + 1, saved_at = $4 WHERE id = $1',
        [id, JSON.stringify(draft.content.answers), draft.content.noComments, draft.savedAt],
      );
      await manager.query('DELETE FROM comments WHERE response_id = $1', [id]);
    } else {
      await manager.query(
        `INSERT INTO responses (id, consultation_id, organisation_id, status, answers, no_comments, version, saved_at)
         VALUES ($1, $2, $3, 'draft', $4::jsonb, $5, 1, $6)`,
        [
          id,
          draft.consultationId,
          draft.organisationId,
          JSON.stringify(draft.content.answers),
          draft.content.noComments,
          draft.savedAt,
        ],
      );
    }
    const comments: StoredComment[] = draft.content.comments.map((comment) => ({
      id: randomUUID(),
      sectionId: comment.sectionId,
      text: comment.text,
      organisationId: draft.organisationId,
      outcome: null,
      answer: null,
      answeredAt: null,
    }));
    const saved: StoredResponse = {
      id,
      consultationId: draft.consultationId,
      organisationId: draft.organisationId,
      status: 'draft',
      answers: draft.content.answers,
      comments,
      noComments: draft.content.noComments,
      version: (existing?.version ?? 0) + 1,
      savedAt: draft.savedAt,
      submittedAt: null,
    };
    if (!comments.length) return saved;
    await manager.query(
      `INSERT INTO comments (id, consultation_id, response_id, organisation_id, position, section_id, text)
       SELECT id, $1, $2, $3, position, section_id, text
       FROM unnest($4::uuid[], $5::int[], $6::text[], $7::text[]) AS c (id, position, section_id, text)`,
      [
        draft.consultationId,
        id,
        draft.organisationId,
        comments.map((comment) => comment.id),
        comments.map((_, index) => index),
        comments.map((comment) => comment.sectionId),
        comments.map((comment) => comment.text),
      ],
    );
    return saved;
  }

  /** Submits the response; answers it as it now is. */
  async submit(manager: EntityManager, response: StoredResponse, at: Date): Promise<StoredResponse> {
    await manager.query(
      "UPDATE responses SET status = 'submitted', submitted_at = $2, version = version + 1 WHERE id = $1",
      [response.id, at],
    );
    await manager.query('UPDATE comments SET submitted = true WHERE response_id = $1', [response.id]);
    return { ...response, status: 'submitted', submittedAt: at, version: response.version + 1 };
  }

  /** The organisations that submitted, with how many comments each. */
  async respondents(
    consultationId: string,
    manager: EntityManager,
  ): Promise<{ organisationId: string; commentCount: number }[]> {
    const rows: { organisation_id: string; comment_count: number }[] = await manager.query(
      `SELECT r.organisation_id, count(c.id)::int AS comment_count
       FROM responses r LEFT JOIN comments c ON c.response_id = r.id
       WHERE r.consultation_id = $1 AND r.status = 'submitted'
       GROUP BY r.organisation_id ORDER BY r.organisation_id`,
      [consultationId],
    );
    return rows.map((row) => ({ organisationId: row.organisation_id, commentCount: row.comment_count }));
  }

  /** A submitted comment of the round, locked for its answer. */
  async findComment(consultationId: string, commentId: string, manager: EntityManager): Promise<StoredComment | null> {
    const rows: CommentRow[] = await manager.query(
      `SELECT id, section_id, text, organisation_id, outcome, answer, answered_at FROM comments
       WHERE id = $1 AND consultation_id = $2 AND submitted FOR UPDATE`,
      [commentId, consultationId],
    );
    return rows.length ? toComment(rows[0]) : null;
  }

  async answer(
    manager: EntityManager,
    commentId: string,
    answer: { outcome: CommentOutcome; answer: string; at: Date },
  ): Promise<void> {
    await manager.query('UPDATE comments SET outcome = $2, answer = $3, answered_at = $4 WHERE id = $1', [
      commentId,
      answer.outcome,
      answer.answer,
      answer.at,
    ]);
  }

  /** How many submitted comments the round has, and how many are answered. */
  async progress(
    consultationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ commentCount: number; answeredCount: number }> {
    const rows: { comment_count: number; answered_count: number }[] = await manager.query(
      `SELECT count(*)::int AS comment_count, count(answered_at)::int AS answered_count
       FROM comments WHERE consultation_id = $1 AND submitted`,
      [consultationId],
    );
    return { commentCount: rows[0].comment_count, answeredCount: rows[0].answered_count };
  }

  /** How many consultees submitted, for a round's view. */
  async submittedCount(consultationId: string): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(
      "SELECT count(*)::int AS n FROM responses WHERE consultation_id = $1 AND status = 'submitted'",
      [consultationId],
    );
    return rows[0].n;
  }
}
