import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Sector } from '@styrkedjan/contracts';

@Entity({ name: 'target_groups' })
export class TargetGroupEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ type: 'text', array: true })
  sectors: Sector[];

  @Column({ name: 'aggregate_version', type: 'int' })
  aggregateVersion: number;
}
