import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SupporterRole } from '../domain/need';

/** An organisation behind a need: its submitter, the submitter of a need merged into it, or an endorser. */
@Entity({ name: 'need_supporters' })
export class NeedSupporterEntity {
  @PrimaryColumn({ name: 'need_id', type: 'uuid' })
  needId: string;

  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text' })
  role: SupporterRole;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'local_context', type: 'text', nullable: true })
  localContext: string | null;

  @Column({ name: 'joined_at', type: 'timestamptz' })
  joinedAt: Date;

  @Column({ name: 'merged_from', type: 'uuid', nullable: true })
  mergedFrom: string | null;
}
