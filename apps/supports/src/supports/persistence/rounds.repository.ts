import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventOf } from '@styrkedjan/contracts';
import type { RoundState } from '../domain/publication-gate';

export type RoundEventType =
  'consultation.opened' | 'consultation.extended' | 'consultation.closed' | 'consultation.comment-answered';
export type RoundEvent = { [T in RoundEventType]: EventOf<T> }[RoundEventType];

/**
 * The consultation rounds of each support, from the consultations service's events. Each event only moves a round
 * forward, whatever order they arrive in: a round once closed stays closed, counts keep their highest value, the
 * deadline its latest. Applying the same events in any order, or twice, leaves the same row.
 */
@Injectable()
export class RoundsRepository {
  async apply(manager: EntityManager, event: RoundEvent): Promise<void> {
    const { consultationId, supportId, edition } = event.payload;
    const { open, commentCount, answeredCount, closesAt } = facts(event);
    await manager.query(
      `INSERT INTO support_rounds (consultation_id, support_id, edition, open, comment_count, answered_count, closes_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (consultation_id) DO UPDATE SET
         open = support_rounds.open AND EXCLUDED.open,
         comment_count = GREATEST(support_rounds.comment_count, EXCLUDED.comment_count),
         answered_count = GREATEST(support_rounds.answered_count, EXCLUDED.answered_count),
         closes_at = GREATEST(support_rounds.closes_at, EXCLUDED.closes_at)`,
      [consultationId, supportId, edition, open, commentCount, answeredCount, closesAt],
    );
  }

  async ofSupport(manager: EntityManager, supportId: string): Promise<RoundState[]> {
    const rows: {
      consultation_id: string;
      edition: string;
      open: boolean;
      comment_count: number;
      answered_count: number;
    }[] = await manager.query(
      `SELECT consultation_id, edition, open, comment_count, answered_count FROM support_rounds WHERE support_id = $1`,
      [supportId],
    );
    return rows.map((row) => ({
      consultationId: row.consultation_id,
      edition: row.edition,
      open: row.open,
      commentCount: row.comment_count,
      answeredCount: row.answered_count,
    }));
  }
}

/** What one event says of its round; what it does not know stays at the value that never wins (0, open, no date). */
function facts(event: RoundEvent): {
  open: boolean;
  commentCount: number;
  answeredCount: number;
  closesAt: string | null;
} {
  switch (event.type) {
    case 'consultation.opened':
    case 'consultation.extended':
      return { open: true, commentCount: 0, answeredCount: 0, closesAt: event.payload.closesAt };
    case 'consultation.closed':
      return { open: false, commentCount: event.payload.commentCount, answeredCount: 0, closesAt: null };
    case 'consultation.comment-answered':
      // Comments are answered only once a round has closed.
      return {
        open: false,
        commentCount: event.payload.commentCount,
        answeredCount: event.payload.answeredCount,
        closesAt: null,
      };
  }
}
