import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface KnownConsultation {
  consultationId: string;
  supportId: string;
  leadAgencyId: string;
  supportTitle: string;
  closesAt: string;
  status: 'open' | 'closed';
  version: number;
}

/** Consultation rounds, kept from consultation events: the calendar shows the day each closes. */
@Injectable()
export class ConsultationsRepository {
  /** The newer event wins; a closed round stays closed. */
  async apply(manager: EntityManager, round: KnownConsultation): Promise<void> {
    await manager.query(
      `INSERT INTO consultations (id, support_id, lead_agency_id, support_title, closes_at, status, aggregate_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET
         closes_at = CASE WHEN consultations.aggregate_version < $7 THEN $5::timestamptz ELSE consultations.closes_at END,
         support_title = CASE WHEN consultations.aggregate_version < $7 THEN $4 ELSE consultations.support_title END,
         status = CASE WHEN consultations.status = 'closed' THEN 'closed' ELSE $6 END,
         aggregate_version = GREATEST(consultations.aggregate_version, $7)`,
      [
        round.consultationId,
        round.supportId,
        round.leadAgencyId,
        round.supportTitle,
        round.closesAt,
        round.status,
        round.version,
      ],
    );
  }
}
