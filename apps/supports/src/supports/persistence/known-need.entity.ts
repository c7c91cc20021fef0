import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A need the needs service announced: enough to check a draft's needIds and tell whose needs it answers. */
@Entity({ name: 'known_needs' })
export class KnownNeedEntity {
  @PrimaryColumn({ name: 'need_id', type: 'uuid' })
  needId: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'area_code', type: 'text' })
  areaCode: string;
}
