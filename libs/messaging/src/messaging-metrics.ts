import { Inject, Injectable, OnModuleInit, Optional } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { DataSource } from 'typeorm';
import { CONSUMER_NAMES, ConsumerName } from '@styrkedjan/contracts';
import { Metrics, PLATFORM_CONFIG, PlatformConfig, Readiness, SERVICE_NAME } from '@styrkedjan/platform';
import { ReconciliationMetrics } from './reconciliation/reconciliation-metrics';
import { EventTransport } from './transport';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
// From a batch of a few rows (ms) to a consumer waiting out a slow database.
const CONSUMER_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export interface OutboxBacklog {
  unpublished: number;
  /** Seconds since the oldest unpublished event was committed; 0 when none waits. */
  oldestAgeS: number;
}

/** What waits in a service's outbox (its own schema, through the partial index of unpublished rows). */
export async function outboxBacklog(dataSource: DataSource): Promise<OutboxBacklog> {
  const [row] = await dataSource.query<{ unpublished: number; age: number }[]>(
    `SELECT count(*)::int AS unpublished, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS age
     FROM outbox WHERE published_at IS NULL`,
  );
  return { unpublished: row.unpublished, oldestAgeS: Math.max(0, row.age) };
}

/**
 * The messaging side of a service's /metrics and readiness: outbox lag (computed when scraped), the depth of
 * the queues it sees (a service its own, the gateway every consumer's), dead letters, the time each event type
 * takes to consume, and the reconciliation's counters. Readiness turns degraded when the outbox lags.
 */
@Injectable()
export class MessagingMetrics implements OnModuleInit {
  private consumerTime?: Histogram<'event_type' | 'outcome'>;

  constructor(
    private readonly metrics: Metrics,
    private readonly transport: EventTransport,
    private readonly readiness: Readiness,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(SERVICE_NAME) private readonly service: string,
    @Optional() private readonly dataSource?: DataSource,
    @Optional() private readonly reconciliation?: ReconciliationMetrics,
  ) {}

  onModuleInit(): void {
    const registers = [this.metrics.registry];
    // The gateway (no outbox of its own to relay, no consumer) watches every queue; a service its own.
    const queues = this.reconciliation ? CONSUMER_NAMES.filter((name) => name === this.service) : [...CONSUMER_NAMES];
    this.queueGauges(queues, registers);
    if (this.reconciliation) this.consumerAndReconciliation(this.reconciliation, registers);
    if (this.reconciliation && this.dataSource) this.outbox(this.dataSource, registers);
  }

  /** Times one delivery of an event type; `outcome` is processed, duplicate or failed. */
  startConsuming(eventType: string): (outcome: 'processed' | 'duplicate' | 'failed') => void {
    const end = this.consumerTime?.startTimer({ event_type: eventType });
    return (outcome) => end?.({ outcome });
  }

  private queueGauges(queues: ConsumerName[], registers: Metrics['registry'][]): void {
    const transport = this.transport;
    new Gauge({
      name: 'styrkedjan_queue_up',
      help: '1 when the queue backend answers, else 0',
      registers,
      async collect() {
        this.set(
          await transport.ping().then(
            () => 1,
            () => 0,
          ),
        );
      },
    });
    new Gauge({
      name: 'styrkedjan_queue_jobs',
      help: 'Jobs in each consumer queue by state (waiting, active, delayed, failed), read when scraped',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        try {
          const counts = await Promise.all(queues.map((queue) => transport.queue(queue).getJobCounts(...JOB_STATES)));
          this.reset();
          queues.forEach((queue, i) => {
            for (const state of JOB_STATES) this.set({ queue, state }, counts[i][state] ?? 0);
          });
        } catch {
          this.reset(); // the queue backend is away: styrkedjan_queue_up says so
        }
      },
    });
    new Gauge({
      name: 'styrkedjan_dead_letters',
      help: 'Events a consumer gave up on after its last attempt (the failed set of its queue)',
      labelNames: ['queue'],
      registers,
      async collect() {
        // Gauges are collected side by side, so this one asks for itself rather than read the one above.
        const failed = await Promise.all(queues.map((queue) => transport.queue(queue).getFailedCount())).catch(
          () => null,
        );
        this.reset();
        queues.forEach((queue, i) => failed && this.set({ queue }, failed[i]));
      },
    });
  }

  private consumerAndReconciliation(reconciliation: ReconciliationMetrics, registers: Metrics['registry'][]): void {
    this.consumerTime = new Histogram({
      name: 'styrkedjan_consumer_processing_seconds',
      help: 'Time to apply one delivered event, by event type and outcome (processed, duplicate, failed)',
      labelNames: ['event_type', 'outcome'],
      buckets: CONSUMER_BUCKETS,
      registers,
    });
    const counters = {
      sweeps: 'styrkedjan_reconciliation_sweeps_total',
      examined: 'styrkedjan_reconciliation_examined_total',
      redriven: 'styrkedjan_reconciliation_redriven_total',
    } as const;
    for (const [field, name] of Object.entries(counters) as [keyof typeof counters, string][]) {
      new Counter({
        name,
        help: `Reconciliation with each producer: ${field} (see README, What survives what)`,
        labelNames: ['producer'],
        registers,
        collect() {
          this.reset();
          for (const [producer, counts] of Object.entries(reconciliation.snapshot())) {
            this.inc({ producer }, counts[field]);
          }
        },
      });
    }
  }

  private outbox(dataSource: DataSource, registers: Metrics['registry'][]): void {
    // Both gauges are collected side by side in one scrape: they share the one query under way.
    let pending: Promise<OutboxBacklog> | undefined;
    const backlog = () => (pending ??= outboxBacklog(dataSource).finally(() => (pending = undefined)));
    new Gauge({
      name: 'styrkedjan_outbox_unpublished',
      help: 'Events committed in the outbox and not yet on the queues',
      registers,
      async collect() {
        this.set((await backlog()).unpublished);
      },
    });
    new Gauge({
      name: 'styrkedjan_outbox_lag_seconds',
      help: 'Age of the oldest unpublished outbox event (0 when none waits), read when scraped',
      registers,
      async collect() {
        this.set((await backlog()).oldestAgeS);
      },
    });
    const limit = this.config.OUTBOX_LAG_DEGRADED_S;
    this.readiness.register('outbox', async () => {
      const { oldestAgeS } = await outboxBacklog(dataSource);
      return oldestAgeS > limit ? 'degraded' : undefined;
    });
  }
}
