import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DeclineReason, Sector, TriageDecision } from '@styrkedjan/contracts';
import type { NeedStage } from '../domain/need';

/** A need with its current stage and latest triage; the `search` column (Swedish lexemes) is the database's own. */
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

  @Column({ name: 'target_groups', type: 'text', array: true })
  targetGroups: string[];

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'text' })
  stage: NeedStage;

  @Column({ name: 'identified_at', type: 'timestamptz' })
  identifiedAt: Date;

  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'last_transition_at', type: 'timestamptz' })
  lastTransitionAt: Date;

  @Column({ name: 'triage_decision', type: 'text', nullable: true })
  triageDecision: TriageDecision | null;

  @Column({ name: 'triage_rationale', type: 'text', nullable: true })
  triageRationale: string | null;

  @Column({ name: 'triaged_at', type: 'timestamptz', nullable: true })
  triagedAt: Date | null;

  @Column({ name: 'lead_agency_id', type: 'uuid', nullable: true })
  leadAgencyId: string | null;

  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason: DeclineReason | null;

  @Column({ name: 'existing_support_id', type: 'uuid', nullable: true })
  existingSupportId: string | null;

  @Column({ name: 'duplicate_of_need_id', type: 'uuid', nullable: true })
  duplicateOfNeedId: string | null;

  /** A calendar day, kept as the `YYYY-MM-DD` string it was given. */
  @Column({ name: 'review_on', type: 'date', nullable: true })
  reviewOn: string | null;

  @Column({ name: 'open_question', type: 'text', nullable: true })
  openQuestion: string | null;

  @Column({ name: 'merged_into', type: 'uuid', nullable: true })
  mergedInto: string | null;

  @Column({ name: 'flagged_for_review', type: 'boolean' })
  flaggedForReview: boolean;

  @Column({ name: 'endorsement_count', type: 'int' })
  endorsementCount: number;
}
