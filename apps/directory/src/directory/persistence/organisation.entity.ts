import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { OrganisationKind, Sector } from '@styrkedjan/contracts';

@Entity({ name: 'organisations' })
@Index(['kind', 'code'], { unique: true })
export class OrganisationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  code: string;

  // Swedish collation, so lists run ... Ystad, Åre, Älvdalen, Öckerö as a Swedish reader expects.
  @Column({ type: 'text', collation: 'sv-x-icu' })
  name: string;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ type: 'text' })
  kind: OrganisationKind;

  @Column({ type: 'text', array: true })
  sectors: Sector[];

  @Column({ name: 'county_code', type: 'text', nullable: true })
  countyCode: string | null;

  @Column({ name: 'region_id', type: 'uuid', nullable: true })
  regionId: string | null;

  @Column({ name: 'healthcare_region', type: 'text', nullable: true })
  healthcareRegion: string | null;

  @Column({ name: 'aggregate_version', type: 'int' })
  aggregateVersion: number;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
