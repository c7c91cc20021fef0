import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Sector } from '@styrkedjan/contracts';

@Entity({ name: 'areas' })
export class AreaEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  sector: Sector;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ name: 'aggregate_version', type: 'int' })
  aggregateVersion: number;
}
