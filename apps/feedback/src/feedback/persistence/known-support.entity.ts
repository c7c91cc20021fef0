import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { KnownSupportStatus } from '../domain/known-support';

/** The feedback service's own copy of a support, kept from support.drafted and support.published. */
@Entity({ name: 'known_supports' })
export class KnownSupportEntity {
  @PrimaryColumn({ name: 'support_id', type: 'uuid' })
  supportId: string;

  @Column({ name: 'lead_agency_id', type: 'uuid' })
  leadAgencyId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  status: KnownSupportStatus;

  @Column({ name: 'aggregate_version', type: 'int' })
  aggregateVersion: number;
}
