import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Sector } from '@styrkedjan/contracts';

/** A service's own copy of an area in the directory's vocabulary, kept from area events. */
@Entity({ name: 'known_areas' })
export class KnownAreaEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  sector: Sector;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'aggregate_version', type: 'int' })
  aggregateVersion: number;
}
