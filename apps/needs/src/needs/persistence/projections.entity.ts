import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OrganisationKind } from '@styrkedjan/contracts';
import type { SupportStatus } from '../domain/need';

/**
 * The directory's organisations as needs uses them: the kind (a lead agency must be an agency; endorsements are
 * counted by kind) and the county (län: a region is its own, a municipality's is its region).
 */
@Entity({ name: 'organisations' })
export class NeedsOrganisationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: OrganisationKind;

  @Column({ name: 'county_id', type: 'uuid', nullable: true })
  countyId: string | null;

  @Column({ name: 'aggregate_version', type: 'int' })
  aggregateVersion: number;
}

/** Every support the supports service announced, so a decline can point at one that meets the need. */
@Entity({ name: 'known_supports' })
export class KnownSupportEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'lead_agency_id', type: 'uuid' })
  leadAgencyId: string;

  @Column({ type: 'text' })
  status: SupportStatus;

  @Column({ name: 'aggregate_version', type: 'int' })
  aggregateVersion: number;
}
