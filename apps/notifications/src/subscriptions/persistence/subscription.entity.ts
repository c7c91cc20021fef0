import { Entity, PrimaryColumn } from 'typeorm';

/** An organisation follows an area: it is alerted when a support is published there. */
@Entity({ name: 'subscriptions' })
export class SubscriptionEntity {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @PrimaryColumn({ name: 'area_code', type: 'text' })
  areaCode: string;
}
