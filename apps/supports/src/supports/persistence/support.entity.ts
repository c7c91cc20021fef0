import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Audience, RevisionChange, Sector } from '@styrkedjan/contracts';
import type { SupportState, SupportStatus } from '../domain/support';

/** The domain's SupportState flattened to columns: a revision in progress and a withdrawal as nullable columns. */
@Entity({ name: 'supports' })
export class SupportEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ name: 'area_code', type: 'text' })
  areaCode: string;

  @Column({ type: 'text' })
  sector: Sector;

  @Column({ name: 'product_type', type: 'text', nullable: true })
  productType: string | null;

  @Column({ name: 'target_groups', type: 'text', array: true })
  targetGroups: string[];

  @Column({ type: 'jsonb' })
  audience: Audience;

  @Column({ name: 'lead_agency_id', type: 'uuid' })
  leadAgencyId: string;

  @Column({ name: 'co_producer_ids', type: 'uuid', array: true })
  coProducerIds: string[];

  @Column({ name: 'need_ids', type: 'uuid', array: true })
  needIds: string[];

  @Column({ type: 'text' })
  status: SupportStatus;

  @Column({ type: 'text' })
  edition: string;

  @Column({ name: 'in_force_edition', type: 'text', nullable: true })
  inForceEdition: string | null;

  @Column({ name: 'revision_change', type: 'text', nullable: true })
  revisionChange: RevisionChange | null;

  @Column({ name: 'revision_note', type: 'text', nullable: true })
  revisionNote: string | null;

  @Column({ name: 'revision_started_at', type: 'timestamptz', nullable: true })
  revisionStartedAt: Date | null;

  @Column({ name: 'withdrawn_reason', type: 'text', nullable: true })
  withdrawnReason: string | null;

  @Column({ name: 'replaced_by_support_id', type: 'uuid', nullable: true })
  replacedBySupportId: string | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'planned_release_date', type: 'date', nullable: true })
  plannedReleaseDate: string | null;

  @Column({ name: 'drafted_at', type: 'timestamptz' })
  draftedAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'int' })
  version: number;
}

export function toSupportState(row: SupportEntity): SupportState {
  const {
    revisionChange,
    revisionNote,
    revisionStartedAt,
    withdrawnReason,
    replacedBySupportId,
    withdrawnAt,
    ...rest
  } = row;
  return {
    ...rest,
    revision:
      revisionChange && revisionStartedAt
        ? { change: revisionChange, changeNote: revisionNote ?? '', startedAt: revisionStartedAt }
        : null,
    withdrawal: withdrawnReason && withdrawnAt ? { reason: withdrawnReason, replacedBySupportId, withdrawnAt } : null,
  };
}

export function toSupportRow(state: Readonly<SupportState>): SupportEntity {
  const { revision, withdrawal, ...rest } = state;
  return Object.assign(new SupportEntity(), {
    ...rest,
    revisionChange: revision?.change ?? null,
    revisionNote: revision?.changeNote ?? null,
    revisionStartedAt: revision?.startedAt ?? null,
    withdrawnReason: withdrawal?.reason ?? null,
    replacedBySupportId: withdrawal?.replacedBySupportId ?? null,
    withdrawnAt: withdrawal?.withdrawnAt ?? null,
  });
}
