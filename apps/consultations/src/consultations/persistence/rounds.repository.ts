import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { OrganisationKind } from '@styrkedjan/contracts';
import { Consultee, ConsulteeSelector, Round } from '../domain/consultation';
import { ConsulteeRow, ROUND_COLUMNS, RoundRow, toConsultee, toRound } from './rows';

const SELECTED_KINDS: Partial<Record<ConsulteeSelector['kind'], OrganisationKind>> = {
  'all-regions': 'region',
  'all-patient-organisations': 'patient_organisation',
};

/** A round that is open, with when its reminder and close are due: what the scheduler wakes for. */
export interface DueTimes {
  id: string;
  remindAt: Date;
  closesAt: Date;
  reminded: boolean;
}

@Injectable()
export class RoundsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, round: Round, consultees: readonly Consultee[]): Promise<void> {
    await manager.query(
      `INSERT INTO consultations (id, support_id, edition, lead_agency_id, support_title, area_code, questions, sections,
         document_url, closes_on, closes_at, remind_at, status, opened_at, closed_at, early, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
        round.id,
        round.supportId,
        round.edition,
        round.leadAgencyId,
        round.supportTitle,
        round.areaCode,
        JSON.stringify(round.questions),
        JSON.stringify(round.sections),
        round.documentUrl,
        round.closesOn,
        round.closesAt,
        round.remindAt,
        round.status,
        round.openedAt,
        round.closedAt,
        round.early,
        round.version,
      ],
    );
    await manager.query(
      `INSERT INTO consultees (consultation_id, organisation_id, kind, region_id)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::uuid[])`,
      [
        round.id,
        consultees.map((consultee) => consultee.organisationId),
        consultees.map((consultee) => consultee.kind),
        consultees.map((consultee) => consultee.regionId),
      ],
    );
  }

  /**
   * The round; `lock` takes its row for the transaction: `update` for changes to the round itself (one at a time),
   * `share` for responses, which go on side by side but wait for a close or an extension, and it for them.
   */
  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock?: 'share' | 'update',
  ): Promise<Round | null> {
    const rows: RoundRow[] = await manager.query(
      `SELECT ${ROUND_COLUMNS} FROM consultations WHERE id = $1${lock ? ` FOR ${lock.toUpperCase()}` : ''}`,
      [id],
    );
    return rows.length ? toRound(rows[0]) : null;
  }

  async listForSupport(supportId: string): Promise<Round[]> {
    const rows: RoundRow[] = await this.dataSource.query(
      `SELECT ${ROUND_COLUMNS} FROM consultations WHERE support_id = $1 ORDER BY opened_at DESC, id`,
      [supportId],
    );
    return rows.map(toRound);
  }

  async consultees(id: string, manager: EntityManager = this.dataSource.manager): Promise<Consultee[]> {
    const rows: ConsulteeRow[] = await manager.query(
      'SELECT organisation_id, kind, region_id FROM consultees WHERE consultation_id = $1 ORDER BY organisation_id',
      [id],
    );
    return rows.map(toConsultee);
  }

  async isConsultee(id: string, organisationId: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM consultees WHERE consultation_id = $1 AND organisation_id = $2',
      [id, organisationId],
    );
    return rows.length > 0;
  }

  /** The organisations a selector names, from this service's projections of the directory and of subscriptions. */
  async select(selector: ConsulteeSelector, areaCode: string, manager: EntityManager): Promise<Consultee[]> {
    const columns = 'SELECT o.id AS organisation_id, o.kind, o.region_id FROM known_organisations o';
    let rows: ConsulteeRow[];
    if (selector.kind === 'municipalities-of-county')
      rows = await manager.query(`${columns} WHERE o.kind = 'municipality' AND o.region_id = $1`, [selector.regionId]);
    else if (selector.kind === 'area-followers')
      rows = await manager.query(
        `${columns} JOIN followed_areas f ON f.organisation_id = o.id WHERE f.area_codes @> ARRAY[$1]::text[]`,
        [areaCode],
      );
    else rows = await manager.query(`${columns} WHERE o.kind = $1`, [SELECTED_KINDS[selector.kind]]);
    return rows.map(toConsultee);
  }

  async saveDeadline(manager: EntityManager, round: Round): Promise<void> {
    await manager.query(
      'UPDATE consultations SET closes_on = $2, closes_at = $3, remind_at = $4, version = $5 WHERE id = $1',
      [round.id, round.closesOn, round.closesAt, round.remindAt, round.version],
    );
  }

  /** Closes an open round; false when it was closed already (the row lock makes a second close wait, then see it). */
  async close(manager: EntityManager, round: Round): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `UPDATE consultations SET status = 'closed', closed_at = $2, early = $3, version = $4
       WHERE id = $1 AND status = 'open' RETURNING id`,
      [round.id, round.closedAt, round.early, round.version],
    );
    return rows.length > 0;
  }

  /** Records that the round's reminder was sent; false when it had been (the primary key decides). */
  async markReminded(manager: EntityManager, id: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'INSERT INTO reminders_sent (consultation_id, sent_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1',
      [id, at],
    );
    return rows.length > 0;
  }

  /** Every open round with its due times, for the scheduler's sweep. */
  async openRounds(): Promise<DueTimes[]> {
    const rows: { id: string; remind_at: Date; closes_at: Date; reminded: boolean }[] = await this.dataSource.query(
      `SELECT c.id, c.remind_at, c.closes_at, r.consultation_id IS NOT NULL AS reminded
       FROM consultations c LEFT JOIN reminders_sent r ON r.consultation_id = c.id WHERE c.status = 'open'`,
    );
    return rows.map((row) => ({
      id: row.id,
      remindAt: row.remind_at,
      closesAt: row.closes_at,
      reminded: row.reminded,
    }));
  }
}
