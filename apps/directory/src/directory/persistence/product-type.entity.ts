import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'product_types' })
export class ProductTypeEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ name: 'description_en', type: 'text', nullable: true })
  descriptionEn: string | null;

  @Column({ name: 'aggregate_version', type: 'int' })
  aggregateVersion: number;
}
