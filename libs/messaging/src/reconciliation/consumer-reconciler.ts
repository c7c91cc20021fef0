import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { JobState } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { AnyEvent, CONSUMER_NAMES, ConsumerName, producersFor } from '@styrkedjan/contracts';
import { PLATFORM_CONFIG, PlatformConfig, SERVICE_NAME, ServiceAssertions, ServiceName } from '@styrkedjan/platform';
import { EventTransport } from '../transport';
import { OUTBOX_START, OutboxCursor } from './outbox-feed';
import { OutboxFeedClient } from './outbox-feed.client';
import { ReconciliationMetrics } from './reconciliation-metrics';

// Pages read from one producer in one pass; what is left waits for the next pass.
const MAX_PAGES_PER_SWEEP = 100;
// Job-state lookups sent to the queue at once.
const STATE_LOOKUPS_AT_ONCE = 100;

type Disposition = 'processed' | 'queued' | 'dead-lettered' | 'lost';

interface SweepOutcome {
  examined: number;
  queued: number;
  redriven: number;
  deadLettersWatched: number;
}

/**
 * Makes every event a producer committed reach this consumer, whatever happened to the queue between
 * them (Redis flushed, restarted empty or failed over; the bullmq schema truncated). Every
 * RECONCILE_INTERVAL_MS it asks each producer of what it subscribes to for the ids it published at least
 * RECONCILE_GRACE_MS ago, after where it last got to (a cursor in its own schema), and compares them with
 * processed_events. What is missing and that the queue no longer holds goes back on the queue, whole
 * envelopes fetched from the producer; processed_events makes a re-offer that raced a delivery harmless.
 * The cursor stops before the first event still queued, so a backlog is looked at again until it is
 * applied; dead letters are stepped over and watched instead, and re-offered if the queue loses them.
 * Replicas take turns per producer (the cursor row is locked for the pass).
 */
@Injectable()
export class ConsumerReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Reconciliation');
  private readonly feeds: OutboxFeedClient[];
  private readonly failing = new Set<string>();
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: EventTransport,
    private readonly metrics: ReconciliationMetrics,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
    assertions: ServiceAssertions,
  ) {
    this.feeds = this.consumer
      ? producersFor(this.consumer).map(
          (producer) => new OutboxFeedClient(producer, config.serviceUrls[producer], service, assertions),
        )
      : [];
  }

  private get consumer(): ConsumerName | null {
    return (CONSUMER_NAMES as string[]).includes(this.service) ? (this.service as ConsumerName) : null;
  }

  onApplicationBootstrap(): void {
    if (!this.config.SERVICE_ROLES.includes('consumer') || this.feeds.length === 0) return;
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep().finally(() => (this.sweeping = undefined));
    }, this.config.RECONCILE_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** One pass over every producer. A producer that cannot be reached is logged once, and tried next time. */
  async sweep(): Promise<void> {
    for (const feed of this.feeds) {
      if (this.stopped) return;
      try {
        const outcome = await this.reconcileWith(feed);
        if (!outcome) continue; // a replica is on this producer
        this.metrics.record(feed.producer, outcome);
        if (this.failing.delete(feed.producer)) this.logger.log(`reconciling with ${feed.producer} again`);
        if (outcome.redriven > 0) {
          this.logger.warn(
            `re-drove ${outcome.redriven} events from ${feed.producer} that the ${this.consumer} queue no longer held ` +
              `(examined ${outcome.examined}, ${outcome.queued} still queued, ${outcome.deadLettersWatched} dead letters watched)`,
          );
        }
      } catch (error) {
        const message = (error as Error).message;
        this.metrics.record(feed.producer, { lastError: message });
        if (!this.failing.has(feed.producer)) this.logger.warn(`cannot reconcile with ${feed.producer}: ${message}`);
        this.failing.add(feed.producer);
      }
    }
  }

  private async reconcileWith(feed: OutboxFeedClient): Promise<SweepOutcome | null> {
    await this.dataSource.query('INSERT INTO reconciliation_cursors (producer) VALUES ($1) ON CONFLICT DO NOTHING', [
      feed.producer,
    ]);
    return this.dataSource.transaction(async (manager) => {
      const [row]: { after: OutboxCursor }[] = await manager.query(
        'SELECT after FROM reconciliation_cursors WHERE producer = $1 FOR UPDATE SKIP LOCKED',
        [feed.producer],
      );
      if (!row) return null;
      const outcome: SweepOutcome = { examined: 0, queued: 0, redriven: 0, deadLettersWatched: 0 };
      let read = row.after;
      let confirmed = row.after;
      let settled = true;
      for (let page = 0; page < MAX_PAGES_PER_SWEEP && !this.stopped; page++) {
        const { items, retainedFrom } = await feed.published(
          this.consumer!,
          read,
          this.config.RECONCILE_BATCH_SIZE,
          this.config.RECONCILE_GRACE_MS,
        );
        if (page === 0) this.warnIfPruned(feed.producer, read, retainedFrom);
        if (items.length === 0) break;
        outcome.examined += items.length;
        const dispositions = await this.dispositionsOf(
          manager,
          items.map((item) => item.eventId),
        );
        const lost: string[] = [];
        const deadLettered: string[] = [];
        for (const { eventId, cursor } of items) {
          const disposition = dispositions.get(eventId) ?? 'processed';
          if (disposition === 'lost') lost.push(eventId);
          if (disposition === 'dead-lettered') deadLettered.push(eventId);
          if (disposition === 'queued') outcome.queued += 1;
          if (disposition === 'lost' || disposition === 'queued') settled = false;
          if (settled) confirmed = cursor;
        }
        outcome.redriven += await this.redrive(await feed.events(lost));
        outcome.deadLettersWatched += await this.watch(manager, feed, deadLettered);
        read = items[items.length - 1].cursor;
        if (items.length < this.config.RECONCILE_BATCH_SIZE) break;
      }
      outcome.redriven += await this.redriveWatched(manager, feed.producer);
      await manager.query('UPDATE reconciliation_cursors SET after = $2, checked_at = now() WHERE producer = $1', [
        feed.producer,
        confirmed,
      ]);
      return outcome;
    });
  }

  /** What became of each event not in processed_events; processed ones are left out. */
  private async dispositionsOf(manager: EntityManager, eventIds: readonly string[]): Promise<Map<string, Disposition>> {
    const unprocessed = await this.unprocessed(manager, eventIds);
    const dispositions = new Map<string, Disposition>();
    if (unprocessed.length === 0) return dispositions;
    const states = await this.jobStates(unprocessed);
    const gone = unprocessed.filter((id) => states.get(id) === 'unknown');
    // A job may have been applied (and, on PostgreSQL, removed) since processed_events was read: look again.
    const lost = new Set(await this.unprocessed(manager, gone));
    for (const id of unprocessed) {
      const state = states.get(id);
      if (state === 'failed') dispositions.set(id, 'dead-lettered');
      else if (state !== 'unknown') dispositions.set(id, 'queued');
      else if (lost.has(id)) dispositions.set(id, 'lost');
    }
    return dispositions;
  }

  private async unprocessed(manager: EntityManager, eventIds: readonly string[]): Promise<string[]> {
    if (eventIds.length === 0) return [];
    const rows: { id: string }[] = await manager.query(
      `SELECT id::text AS id FROM unnest($1::uuid[]) AS id
        WHERE NOT EXISTS (SELECT 1 FROM processed_events p WHERE p.event_id = id)`,
      [eventIds],
    );
    return rows.map((row) => row.id);
  }

  /** The state of each event's job on this consumer's queue (its job id is the event id); 'unknown' when gone. */
  private async jobStates(eventIds: readonly string[]): Promise<Map<string, JobState | 'unknown'>> {
    const queue = this.transport.queue(this.consumer!);
    const counts = await queue.getJobCounts();
    // An empty queue (just flushed or truncated) holds none of them: no need to ask one by one.
    if (Object.values(counts).every((n) => n === 0)) return new Map(eventIds.map((id) => [id, 'unknown']));
    const states = new Map<string, JobState | 'unknown'>();
    for (let start = 0; start < eventIds.length; start += STATE_LOOKUPS_AT_ONCE) {
      const chunk = eventIds.slice(start, start + STATE_LOOKUPS_AT_ONCE);
      const found = await Promise.all(chunk.map((id) => queue.getJobState(id)));
      chunk.forEach((id, i) => states.set(id, found[i]));
    }
    return states;
  }

  /** Puts events back on this consumer's queue, with the relay's job options (the job id is the event id). */
  private async redrive(events: readonly AnyEvent[]): Promise<number> {
    await this.transport.send(this.consumer!, events);
    return events.length;
  }

  /** Keeps the envelopes of dead-lettered events, so that they can be re-offered if the queue loses them. */
  private async watch(manager: EntityManager, feed: OutboxFeedClient, eventIds: readonly string[]): Promise<number> {
    if (eventIds.length === 0) return 0;
    const known: { id: string }[] = await manager.query(
      'SELECT event_id::text AS id FROM reconciliation_dead_letters WHERE event_id = ANY($1::uuid[])',
      [eventIds],
    );
    const watched = new Set(known.map((row) => row.id));
    const events = await feed.events(eventIds.filter((id) => !watched.has(id)));
    if (events.length === 0) return 0;
    await manager.query(
      `INSERT INTO reconciliation_dead_letters (event_id, producer, envelope)
       SELECT (e->>'id')::uuid, $1, e FROM jsonb_array_elements($2::jsonb) AS e ON CONFLICT DO NOTHING`,
      [feed.producer, JSON.stringify(events)],
    );
    return events.length;
  }

  /** Forgets watched dead letters that were applied since (re-driven by an operator), re-offers those the queue lost. */
  private async redriveWatched(manager: EntityManager, producer: string): Promise<number> {
    await manager.query(
      `DELETE FROM reconciliation_dead_letters d
        WHERE d.producer = $1 AND EXISTS (SELECT 1 FROM processed_events p WHERE p.event_id = d.event_id)`,
      [producer],
    );
    const watched: { envelope: AnyEvent }[] = await manager.query(
      'SELECT envelope FROM reconciliation_dead_letters WHERE producer = $1',
      [producer],
    );
    if (watched.length === 0) return 0;
    const states = await this.jobStates(watched.map((row) => row.envelope.id));
    return this.redrive(watched.map((row) => row.envelope).filter((event) => states.get(event.id) === 'unknown'));
  }

  private warnIfPruned(producer: string, cursor: OutboxCursor, retainedFrom: string): void {
    // A consumer that has never read starts from whatever the producer still has.
    if (cursor === OUTBOX_START || BigInt(cursor.split(':')[0]) >= BigInt(retainedFrom)) return;
    this.logger.warn(
      `the ${this.consumer} cursor in ${producer}'s outbox is older than its retention: events it published before ` +
        `${new Date(Number(BigInt(retainedFrom) / 1000n)).toISOString()} may have been pruned before this consumer checked them`,
    );
  }
}
