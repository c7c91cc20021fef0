import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotifyingEventType } from '../domain/notification';

/** A published edition of a support, as its event told it: what a late consultation.closed notifies for. */
export interface PublishedEdition {
  supportId: string;
  edition: string;
  type: NotifyingEventType;
  occasion: string;
  title: string;
  leadAgencyId: string;
  eventId: string;
  publishedAt: string;
}

/** An organisation that commented in a closed round of an edition, and the round whose report answers it. */
export interface Commenter {
  organisationId: string;
  consultationId: string;
}

/**
 * The projections the lifecycle's recipients come from, fed by events into this service's own tables: who
 * commented in a closed round (consultation.closed), who last reported a support applied (feedback.received),
 * which editions were published (support.published, support.revised).
 */
@Injectable()
export class RecipientsRepository {
  /**
   * Serialises the consumers of one edition's publication and of its rounds' closing for the rest of the
   * transaction, so that of a publication and a closing delivered at once the second sees the first.
   */
  async lockEdition(manager: EntityManager, supportId: string, edition: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('edition:' || $1 || ':' || $2, 0))`, [
      supportId,
      edition,
    ]);
  }

  async recordCommenters(
    manager: EntityManager,
    round: { consultationId: string; supportId: string; edition: string; closedAt: string },
    respondents: readonly { organisationId: string; commentCount: number }[],
  ): Promise<void> {
    const commenters = respondents.filter((respondent) => respondent.commentCount > 0);
    await manager.query(
      `INSERT INTO round_commenters (consultation_id, organisation_id, support_id, edition, comment_count, closed_at)
       SELECT $1, organisation_id, $2, $3, comment_count, $4 FROM unnest($5::uuid[], $6::int[])
         AS commenter (organisation_id, comment_count)
       ON CONFLICT DO NOTHING`,
      [
        round.consultationId,
        round.supportId,
        round.edition,
        round.closedAt,
        commenters.map((commenter) => commenter.organisationId),
        commenters.map((commenter) => commenter.commentCount),
      ],
    );
  }

  /** Who commented in the rounds of an edition, each with the latest round it commented in. */
  async commentersOf(manager: EntityManager, supportId: string, edition: string): Promise<Commenter[]> {
    const rows: { organisation_id: string; consultation_id: string }[] = await manager.query(
      `SELECT DISTINCT ON (organisation_id) organisation_id, consultation_id FROM round_commenters
       WHERE support_id = $1 AND edition = $2 ORDER BY organisation_id, closed_at DESC`,
      [supportId, edition],
    );
    return rows.map((row) => ({ organisationId: row.organisation_id, consultationId: row.consultation_id }));
  }

  /** Keeps the first event that published an edition: a redelivery or a replay changes nothing. */
  async recordPublication(manager: EntityManager, published: PublishedEdition): Promise<void> {
    await manager.query(
      `INSERT INTO published_editions (support_id, edition, type, occasion, title, lead_agency_id, event_id, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [
        published.supportId,
        published.edition,
        published.type,
        published.occasion,
        published.title,
        published.leadAgencyId,
        published.eventId,
        published.publishedAt,
      ],
    );
  }

  async publicationOf(manager: EntityManager, supportId: string, edition: string): Promise<PublishedEdition | null> {
    const rows: {
      type: NotifyingEventType;
      occasion: string;
      title: string;
      lead_agency_id: string;
      event_id: string;
      published_at: Date;
    }[] = await manager.query(
      `SELECT type, occasion, title, lead_agency_id, event_id, published_at FROM published_editions
       WHERE support_id = $1 AND edition = $2`,
      [supportId, edition],
    );
    if (rows.length === 0) return null;
    const [row] = rows;
    return {
      supportId,
      edition,
      type: row.type,
      occasion: row.occasion,
      title: row.title,
      leadAgencyId: row.lead_agency_id,
      eventId: row.event_id,
      publishedAt: row.published_at.toISOString(),
    };
  }

  /** A support's title as its latest published edition gave it; null when none has arrived here. */
  async titleOf(manager: EntityManager, supportId: string): Promise<string | null> {
    const rows: { title: string }[] = await manager.query(
      'SELECT title FROM published_editions WHERE support_id = $1 ORDER BY published_at DESC LIMIT 1',
      [supportId],
    );
    return rows[0]?.title ?? null;
  }

  /** An organisation's latest report on a support wins: one that applied it and later did not is no applier. */
  async recordApplication(
    manager: EntityManager,
    report: { supportId: string; organisationId: string; applied: boolean; reportedAt: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO application_reports AS report (support_id, organisation_id, applied, reported_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (support_id, organisation_id) DO UPDATE SET applied = EXCLUDED.applied,
         reported_at = EXCLUDED.reported_at
       WHERE EXCLUDED.reported_at >= report.reported_at`,
      [report.supportId, report.organisationId, report.applied, report.reportedAt],
    );
  }

  async appliersOf(manager: EntityManager, supportId: string): Promise<string[]> {
    const rows: { organisation_id: string }[] = await manager.query(
      'SELECT organisation_id FROM application_reports WHERE support_id = $1 AND applied ORDER BY organisation_id',
      [supportId],
    );
    return rows.map((row) => row.organisation_id);
  }

  /** The municipalities of a region, as the projection of the directory knows them. */
  async municipalitiesOf(manager: EntityManager, regionId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM known_organisations WHERE region_id = $1 AND kind = 'municipality' ORDER BY id`,
      [regionId],
    );
    return rows.map((row) => row.id);
  }
}
