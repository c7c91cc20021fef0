import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@styrkedjan/messaging';
import { COORDINATION_CONFIG, CoordinationConfig } from '../../../config/coordination.config';
import { parseAudienceKey } from '../../domain/audience';
import { collisionSpans, CollisionSpan } from '../../domain/collisions';
import { deterministicId } from '../../domain/deterministic-id';
import { CalendarRepository } from '../../persistence/calendar.repository';
import { CollisionsRepository, CollisionState } from '../../persistence/collisions.repository';

/**
 * Works out an audience cell's collisions anew after its releases changed: a span of releases over the limit that
 * shares no support with an open collision is a new one (coordination.collision-detected); an open collision
 * sharing a support with a span follows it (its supports and days); an open one that no span holds any more is
 * cleared (coordination.collision-cleared).
 */
@Injectable()
export class CollisionEvaluator {
  constructor(
    @Inject(COORDINATION_CONFIG) private readonly config: CoordinationConfig,
    private readonly calendar: CalendarRepository,
    private readonly collisions: CollisionsRepository,
  ) {}

  async evaluate(tx: Transaction, audienceKeys: readonly string[], causeId: string, at: Date): Promise<void> {
    for (const key of [...audienceKeys].sort()) {
      const audience = parseAudienceKey(key);
      if (!audience) continue;
      // One evaluation per audience at a time, in key order (no deadlock): the next sees this one's releases.
      await tx.manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`coordination.collisions:${key}`]);
      const rule = { limit: this.config.COLLISION_LIMIT, windowWeeks: this.config.COLLISION_WINDOW_WEEKS };
      const spans = collisionSpans(await this.calendar.releasesTo(tx.manager, key), rule);
      const open = await this.collisions.openFor(tx.manager, key);
      const kept = new Set<string>();
      for (const [index, span] of spans.entries()) {
        const ids = span.releases.map((release) => release.supportId);
        const existing = open.find(
          (collision) => !kept.has(collision.id) && collision.supportIds.some((id) => ids.includes(id)),
        );
        if (existing) {
          kept.add(existing.id);
          await this.collisions.save(tx.manager, { ...existing, ...this.shape(span), version: existing.version + 1 });
          continue;
        }
        const collision: CollisionState = {
          id: deterministicId(`collision:${key}:${causeId}:${index}`),
          audience,
          ...this.shape(span),
          status: 'open',
          detectedAt: at,
          clearedAt: null,
          version: 1,
        };
        await this.collisions.save(tx.manager, collision);
        tx.record(
          'coordination.collision-detected',
          { type: 'collision', id: collision.id, version: 1 },
          {
            collisionId: collision.id,
            audience,
            window: { from: span.from, to: span.to, weeks: rule.windowWeeks },
            limit: rule.limit,
            supportIds: collision.supportIds,
            supports: span.releases.map((release) => ({
              supportId: release.supportId,
              title: release.title,
              leadAgencyId: release.leadAgencyId,
              plannedReleaseDate: release.date,
            })),
            leadAgencyIds: collision.leadAgencyIds,
            detectedAt: at.toISOString(),
          },
        );
      }
      for (const stale of open.filter((collision) => !kept.has(collision.id))) {
        const cleared: CollisionState = { ...stale, status: 'cleared', clearedAt: at, version: stale.version + 1 };
        await this.collisions.save(tx.manager, cleared);
        tx.record(
          'coordination.collision-cleared',
          { type: 'collision', id: cleared.id, version: cleared.version },
          {
            collisionId: cleared.id,
            audience,
            window: { from: cleared.from, to: cleared.to, weeks: rule.windowWeeks },
            supportIds: cleared.supportIds,
            leadAgencyIds: cleared.leadAgencyIds,
            clearedAt: at.toISOString(),
          },
        );
      }
    }
  }

  private shape(span: CollisionSpan): Pick<CollisionState, 'from' | 'to' | 'supportIds' | 'leadAgencyIds'> {
    return {
      from: span.from,
      to: span.to,
      supportIds: span.releases.map((release) => release.supportId),
      leadAgencyIds: [...new Set(span.releases.map((release) => release.leadAgencyId))].sort(),
    };
  }
}
