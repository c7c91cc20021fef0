import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ApplicationStatus } from '@styrkedjan/contracts';

@Entity({ name: 'feedback' })
export class FeedbackEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'support_id', type: 'uuid' })
  supportId: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ type: 'smallint' })
  usefulness: number;

  @Column({ name: 'application_status', type: 'text' })
  applicationStatus: ApplicationStatus;

  @Column({ type: 'text' })
  comment: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
