import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { EventOf } from '@styrkedjan/contracts';
import type { HistoryStepView } from '../views/support.view';

/** The events that are steps in a support's history: its own, and the rounds of consultation it went through. */
export type HistoryEventType =
  | 'support.drafted'
  | 'support.updated'
  | 'support.rescheduled'
  | 'support.published'
  | 'support.revision-started'
  | 'support.revised'
  | 'support.withdrawn'
  | 'support.regional-addition-published'
  | 'consultation.opened'
  | 'consultation.extended'
  | 'consultation.closed';
export type HistoryEvent = { [T in HistoryEventType]: EventOf<T> }[HistoryEventType];

interface Step {
  edition: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

/** What the history keeps of each step beside who and when: the edition, why, and what it changed. */
export function stepOf(event: HistoryEvent): Step {
  switch (event.type) {
    case 'support.drafted':
      return { edition: event.payload.edition, reason: null, details: { title: event.payload.title } };
    case 'support.updated':
      return { edition: event.payload.edition, reason: null, details: { changed: event.payload.changed } };
    case 'support.rescheduled':
      return {
        edition: null,
        reason: event.payload.reason,
        details: { previousDate: event.payload.previousDate, plannedReleaseDate: event.payload.plannedReleaseDate },
      };
    case 'support.published':
      return { edition: event.payload.edition, reason: null, details: {} };
    case 'support.revision-started':
      return {
        edition: event.payload.edition,
        reason: event.payload.changeNote,
        details: { change: event.payload.change, inForce: event.payload.inForce },
      };
    case 'support.revised':
      return {
        edition: event.payload.edition,
        reason: event.payload.changeNote,
        details: { change: event.payload.change, previousEdition: event.payload.previousEdition },
      };
    case 'support.withdrawn':
      return {
        edition: event.payload.edition,
        reason: event.payload.reason,
        details: { replacedBySupportId: event.payload.replacedBySupportId },
      };
    case 'support.regional-addition-published':
      return {
        edition: null,
        reason: null,
        details: { additionId: event.payload.additionId, regionId: event.payload.regionId, title: event.payload.title },
      };
    case 'consultation.opened':
      return {
        edition: event.payload.edition,
        reason: null,
        details: {
          consultationId: event.payload.consultationId,
          consultees: event.payload.consulteeIds.length,
          closesAt: event.payload.closesAt,
        },
      };
    case 'consultation.extended':
      return {
        edition: event.payload.edition,
        reason: event.payload.reason,
        details: {
          consultationId: event.payload.consultationId,
          previousClosesAt: event.payload.previousClosesAt,
          closesAt: event.payload.closesAt,
        },
      };
    case 'consultation.closed':
      return {
        edition: event.payload.edition,
        reason: null,
        details: {
          consultationId: event.payload.consultationId,
          early: event.payload.early,
          respondents: event.payload.respondents.length,
          commentCount: event.payload.commentCount,
        },
      };
  }
}

/** A support's history, one row per step, keyed by the event that made it: a redelivery or a replay writes nothing new. */
@Injectable()
export class HistoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async keep(manager: EntityManager, event: HistoryEvent): Promise<void> {
    const { edition, reason, details } = stepOf(event);
    await manager.query(
      `INSERT INTO support_history (event_id, support_id, step, at, organisation_id, user_id, edition, reason, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb) ON CONFLICT (event_id) DO NOTHING`,
      [
        event.id,
        event.payload.supportId,
        event.type,
        event.occurredAt,
        event.actor.organisationId,
        event.actor.userId,
        edition,
        reason,
        JSON.stringify(details),
      ],
    );
  }

  /** Oldest first; steps of the same instant in the order their events were made. */
  async list(supportId: string): Promise<HistoryStepView[]> {
    const rows: {
      step: string;
      at: Date;
      organisation_id: string | null;
      user_id: string | null;
      edition: string | null;
      reason: string | null;
      details: Record<string, unknown>;
    }[] = await this.dataSource.query(
      `SELECT step, at, organisation_id, user_id, edition, reason, details FROM support_history
       WHERE support_id = $1 ORDER BY at, seq`,
      [supportId],
    );
    return rows.map((row) => ({
      step: row.step,
      at: row.at.toISOString(),
      organisationId: row.organisation_id,
      userId: row.user_id,
      edition: row.edition,
      reason: row.reason,
      details: row.details,
    }));
  }
}
