import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Sector } from '@styrkedjan/contracts';
import type { NeedStage } from '../domain/need';

@Entity({ name: 'needs' })
@Index(['identifiedAt', 'id'])
export class NeedEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'area_code', type: 'text' })
  areaCode: string;

  @Column({ type: 'text' })
  sector: Sector;

  @Column({ name: 'target_group', type: 'text' })
  targetGroup: string;

  @Column({ type: 'text' })
  stage: NeedStage;

  @Column({ name: 'identified_at', type: 'timestamptz' })
  identifiedAt: Date;

  @Column({ type: 'int' })
  version: number;
}
