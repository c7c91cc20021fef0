import { Column, Entity, EntityManager, PrimaryColumn } from 'typeorm';
import type { NeedStage } from '../domain/need';

/** One event of a need, as its timeline shows it: written in the transaction that records the event. */
@Entity({ name: 'need_transitions' })
export class NeedTransitionEntity {
  @PrimaryColumn({ name: 'need_id', type: 'uuid' })
  needId: string;

  /** The need's aggregate version after the event: the timeline's order. */
  @PrimaryColumn({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text' })
  stage: NeedStage;

  @Column({ name: 'actor_organisation_id', type: 'uuid', nullable: true })
  actorOrganisationId: string | null;

  @Column({ name: 'actor_user_id', type: 'text', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'text', nullable: true })
  decision: string | null;

  @Column({ type: 'text', nullable: true })
  rationale: string | null;

  @Column({ type: 'jsonb' })
  details: Record<string, unknown>;
}

/** Appends a transition to a need's timeline; the primary key (need, version) refuses a second at one version. */
export async function appendTransition(
  manager: EntityManager,
  entry: Omit<NeedTransitionEntity, 'decision' | 'rationale' | 'details'> &
    Partial<Pick<NeedTransitionEntity, 'decision' | 'rationale' | 'details'>>,
): Promise<void> {
  await manager.query(
    `INSERT INTO need_transitions
       (need_id, version, type, stage, actor_organisation_id, actor_user_id, at, decision, rationale, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)`,
    [
      entry.needId,
      entry.version,
      entry.type,
      entry.stage,
      entry.actorOrganisationId,
      entry.actorUserId,
      entry.at,
      entry.decision ?? null,
      entry.rationale ?? null,
      JSON.stringify(entry.details ?? {}),
    ],
  );
}
