import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Sector } from '@styrkedjan/contracts';

/** A service's own copy of a target group of the directory's vocabulary, kept from target-group events. */
@Entity({ name: 'known_target_groups' })
export class KnownTargetGroupEntity {
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

/** A service's own copy of a knowledge product type (guideline, handbook …), kept from product-type events. */
@Entity({ name: 'known_product_types' })
export class KnownProductTypeEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ name: 'aggregate_version', type: 'int' })
  aggregateVersion: number;
}
