import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@styrkedjan/messaging';
import { COORDINATION_CONFIG, CoordinationConfig } from '../../../config/coordination.config';
import { EMPTY_AUDIENCE } from '../../domain/audience';
import { deterministicId } from '../../domain/deterministic-id';
import { KnownSupport } from '../../domain/known-support';
import { closeOverlap, OverlapState } from '../../domain/overlap';
import { Reason } from '../../domain/overlap-score';
import { AssignedNeedsRepository } from '../../persistence/assigned-needs.repository';
import { OverlapCandidatesRepository } from '../../persistence/overlap-candidates.repository';
import { OverlapsRepository, pairKey } from '../../persistence/overlaps.repository';
import { overlapAggregate, overlapRef } from '../overlap-events';

const ASSIGNED_NEED: Reason = {
  code: 'assigned-need',
  sv: 'svarar på ett behov som tilldelats en annan myndighet',
  en: 'answers a need assigned to another agency',
};

/**
 * Finds what a changed draft overlaps: other agencies' supports scoring at least the threshold, and needs it
 * answers that a steering group assigned to another agency. A pair is recorded once (coordination.overlap-detected);
 * found again while open, its score follows the draft; once resolved or closed, it is not raised again.
 */
@Injectable()
export class OverlapDetector {
  constructor(
    @Inject(COORDINATION_CONFIG) private readonly config: CoordinationConfig,
    private readonly candidates: OverlapCandidatesRepository,
    private readonly overlaps: OverlapsRepository,
    private readonly assignedNeeds: AssignedNeedsRepository,
  ) {}

  async detect(tx: Transaction, draft: KnownSupport, at: Date): Promise<void> {
    // Two drafts checked at once would each miss the other, neither committed yet: checks take turns, and the
    // second sees the first's draft once it commits (read committed reads afresh after the lock).
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('coordination.overlap-check'))`);
    const threshold = this.config.OVERLAP_THRESHOLD;
    const scored = (await this.candidates.scored(tx.manager, draft))
      .filter((candidate) => candidate.score >= threshold)
      .sort((a, b) => b.score - a.score || a.other.supportId.localeCompare(b.other.supportId));
    for (const { other, score, reasons, audience } of scored) {
      const key = pairKey('support', draft.supportId, other.supportId);
      await this.record(tx, key, threshold, {
        ...this.blank(draft, key, at),
        kind: 'support',
        otherSupportId: other.supportId,
        otherSupportTitle: other.title,
        otherLeadAgencyId: other.leadAgencyId,
        score,
        reasons,
        audience,
      });
    }
    for (const need of await this.assignedNeeds.assignedElsewhere(tx.manager, draft.answersNeeds, draft.leadAgencyId)) {
      const key = pairKey('need', draft.supportId, need.needId);
      await this.record(tx, key, threshold, {
        ...this.blank(draft, key, at),
        kind: 'need',
        otherLeadAgencyId: need.leadAgencyId,
        needId: need.needId,
        score: 1,
        reasons: [ASSIGNED_NEED],
      });
    }
  }

  /** A withdrawn support's open overlaps close by themselves. */
  async closeFor(tx: Transaction, supportId: string, at: Date): Promise<void> {
    for (const open of await this.overlaps.openOf(tx.manager, supportId)) {
      const closed = closeOverlap(open, at);
      await this.overlaps.save(tx.manager, closed);
      tx.record('coordination.overlap-closed', overlapAggregate(closed), {
        ...overlapRef(closed),
        reason: 'support-withdrawn',
        withdrawnSupportId: supportId,
        closedAt: at.toISOString(),
      });
    }
  }

  private async record(tx: Transaction, key: string, threshold: number, overlap: OverlapState): Promise<void> {
    if (!(await this.overlaps.insert(tx.manager, overlap, key))) {
      await this.overlaps.rescore(tx.manager, key, overlap.score, overlap.reasons);
      return;
    }
    tx.record('coordination.overlap-detected', overlapAggregate(overlap), {
      ...overlapRef(overlap),
      score: overlap.score,
      threshold,
      reasons: overlap.reasons,
      audience: {
        organisationKinds: [...overlap.audience.organisationKinds],
        sectors: [...overlap.audience.sectors],
        professions: [...overlap.audience.professions],
      },
      detectedAt: overlap.detectedAt.toISOString(),
    });
  }

  private blank(draft: KnownSupport, key: string, at: Date): OverlapState {
    return {
      id: deterministicId(key),
      kind: 'support',
      supportId: draft.supportId,
      supportTitle: draft.title,
      leadAgencyId: draft.leadAgencyId,
      otherSupportId: null,
      otherSupportTitle: null,
      otherLeadAgencyId: draft.leadAgencyId,
      needId: null,
      areaCode: draft.areaCode,
      score: 0,
      reasons: [],
      audience: EMPTY_AUDIENCE,
      status: 'open',
      resolution: null,
      rationale: null,
      resolvedBy: null,
      coProducer: null,
      withdrawSupportId: null,
      detectedAt: at,
      resolvedAt: null,
      closedAt: null,
      version: 1,
    };
  }
}
