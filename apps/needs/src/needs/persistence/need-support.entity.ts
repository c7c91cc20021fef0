import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SupportStatus } from '../domain/need';

/** A support that addresses a need, as the supports service announced it. */
@Entity({ name: 'need_supports' })
export class NeedSupportEntity {
  @PrimaryColumn({ name: 'need_id', type: 'uuid' })
  needId: string;

  @PrimaryColumn({ name: 'support_id', type: 'uuid' })
  supportId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  status: SupportStatus;

  @Column({ name: 'drafted_at', type: 'timestamptz', nullable: true })
  draftedAt: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** Withdrawn, it answers the need no more. */
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;
}
