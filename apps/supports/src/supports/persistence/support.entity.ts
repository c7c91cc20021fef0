import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Sector } from '@styrkedjan/contracts';
import type { SupportState, SupportStatus } from '../domain/support';

/** Column for column the domain's SupportState, so that restoring and saving are plain copies. */
@Entity({ name: 'supports' })
export class SupportEntity implements SupportState {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ name: 'area_code', type: 'text' })
  areaCode: string;

  @Column({ type: 'text' })
  sector: Sector;

  @Column({ name: 'lead_agency_id', type: 'uuid' })
  leadAgencyId: string;

  @Column({ name: 'co_producer_ids', type: 'uuid', array: true })
  coProducerIds: string[];

  @Column({ name: 'need_ids', type: 'uuid', array: true })
  needIds: string[];

  @Column({ type: 'text' })
  status: SupportStatus;

  @Column({ name: 'planned_release_date', type: 'date', nullable: true })
  plannedReleaseDate: string | null;

  @Column({ name: 'drafted_at', type: 'timestamptz' })
  draftedAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'int' })
  version: number;
}
