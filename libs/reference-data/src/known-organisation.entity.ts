import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OrganisationKind } from '@styrkedjan/contracts';

/** A service's own copy of a directory organisation, kept from organisation events. */
@Entity({ name: 'known_organisations' })
export class KnownOrganisationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: OrganisationKind;

  /** The region a municipality lies in; a region's own id for a region; null for national organisations. */
  @Column({ name: 'region_id', type: 'uuid', nullable: true })
  regionId: string | null;

  @Column({ name: 'aggregate_version', type: 'int' })
  aggregateVersion: number;
}
