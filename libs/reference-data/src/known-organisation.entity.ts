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

  @Column({ name: 'aggregate_version', type: 'int' })
  aggregateVersion: number;
}
