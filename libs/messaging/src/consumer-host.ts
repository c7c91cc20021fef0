import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  AnyEvent,
  ConsumerName,
  EventType,
  InvalidEventError,
  SUBSCRIPTIONS,
  validateEvent,
} from '@styrkedjan/contracts';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import {
  contextOfTrace,
  isDatabaseUnavailable,
  PLATFORM_CONFIG,
  PlatformConfig,
  SERVICE_NAME,
  traceHeaders,
  tracer,
  tracingEnabled,
} from '@styrkedjan/platform';
import { consumesBatches, ConsumesEvent, ConsumesEventBatch, EVENT_CONSUMER } from './event-consumer';
import { GroupCommit } from './group-commit';
import { MessagingMetrics } from './messaging-metrics';
import { appendToOutbox, outboxSchemaOf } from './outbox';
import { Transaction } from './transaction';
import { EventTransport } from './transport';

export type Delivery = 'processed' | 'duplicate';

/**
 * Runs the service's queue. At boot it checks that every subscribed event type has exactly one consumer
 * (and no consumer handles a type the service is not subscribed to), or the service refuses to start.
 */
@Injectable()
export class ConsumerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ConsumerHost.name);
  private readonly consumers = new Map<EventType, ConsumesEvent>();
  private readonly batches = new Map<ConsumesEventBatch, GroupCommit<AnyEvent, Delivery>>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly dataSource: DataSource,
    private readonly transport: EventTransport,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(SERVICE_NAME) private readonly service: string,
    private readonly metrics: MessagingMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.registerConsumers();
    if (!this.config.SERVICE_ROLES.includes('consumer') || !this.subscriptions().length) return;
    const worker = this.transport.work(this.service as ConsumerName, (job) => this.processOrWait(job));
    worker.on('failed', (job, error) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
        this.logger.error(`dead-lettered ${job.name} ${job.id} after ${job.attemptsMade} attempts: ${error.message}`);
      }
    });
  }

  /**
   * As process, but when the database cannot be reached the job goes back to wait without spending an
   * attempt, and the queue holds off for a backoff: the database is away for every job alike, and a restart
   * or failover must not dead-letter what was in flight.
   */
  private async processOrWait(job: Job): Promise<Delivery> {
    const timed = this.metrics.startConsuming(job.name);
    try {
      const delivery = await this.process(job);
      timed(delivery);
      return delivery;
    } catch (error) {
      timed('failed');
      if (!isDatabaseUnavailable(error)) throw error;
      await this.transport
        .queue(this.service as ConsumerName)
        .rateLimit(this.config.CONSUMER_BACKOFF_MS)
        .catch(() => undefined); // on the PostgreSQL backend the queue is away too; the job's lock then runs out
      throw Worker.RateLimitError();
    }
  }

  /** Validates the event, then applies it exactly once; an invalid event goes straight to the dead letters. */
  async process(job: Pick<Job, 'data'>): Promise<Delivery> {
    let event: AnyEvent;
    try {
      event = validateEvent(job.data);
    } catch (error) {
      if (error instanceof InvalidEventError) throw new UnrecoverableError(error.message);
      throw error;
    }
    const consumer = this.consumers.get(event.type);
    if (!consumer) throw new UnrecoverableError(`${this.service} does not consume ${event.type}`);
    if (!tracingEnabled()) return this.deliver(consumer, event);
    // The consumer's span continues the trace of the span that recorded the event, in whichever process that was.
    return tracer().startActiveSpan(
      `consume ${event.type}`,
      { kind: SpanKind.CONSUMER, attributes: { 'messaging.message.id': event.id, service: this.service } },
      contextOfTrace(event.trace),
      async (span) => {
        try {
          const delivery = await this.deliver(consumer, event);
          span.setAttribute('styrkedjan.delivery', delivery);
          return delivery;
        } catch (error) {
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  }

  private deliver(consumer: ConsumesEvent, event: AnyEvent): Promise<Delivery> {
    if (consumesBatches(consumer)) return this.batchesOf(consumer).submit(event);
    return this.applyOne(consumer, event);
  }

  private applyOne(consumer: ConsumesEvent, event: AnyEvent): Promise<Delivery> {
    return this.dataSource.transaction(async (manager) => {
      const fresh: unknown[] = await manager.query(
        'INSERT INTO processed_events (event_id, type) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
        [event.id, event.type],
      );
      if (fresh.length === 0) return 'duplicate';
      const tx = new Transaction(manager, {
        producer: this.service,
        actor: event.actor,
        correlationId: event.correlationId,
        causationId: event.id,
        trace: traceHeaders(),
      });
      await consumer.handle(event, tx);
      await appendToOutbox(manager, outboxSchemaOf(this.dataSource), tx.events);
      return 'processed';
    });
  }

  /**
   * The events waiting for a batch consumer, committed together: one transaction records them all as
   * processed (the primary key still turns each duplicate into a no-op) and applies the fresh ones. If the
   * batch fails, its events are applied one by one, so a bad event fails (and retries) alone.
   */
  private batchesOf(consumer: ConsumesEventBatch): GroupCommit<AnyEvent, Delivery> {
    let batches = this.batches.get(consumer);
    if (!batches) {
      batches = new GroupCommit(
        (events) => this.applyBatch(consumer, events),
        (event) => this.applyOne(consumer, event),
        this.config.CONSUMER_CONCURRENCY,
      );
      this.batches.set(consumer, batches);
    }
    return batches;
  }

  private applyBatch(consumer: ConsumesEventBatch, events: AnyEvent[]): Promise<Delivery[]> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: { event_id: string }[] = await manager.query(
        `INSERT INTO processed_events (event_id, type) SELECT * FROM unnest($1::uuid[], $2::text[])
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [events.map((event) => event.id), events.map((event) => event.type)],
      );
      // The same event twice in one batch (a stalled job redelivered) is fresh once, a duplicate after.
      const fresh = new Set(inserted.map((row) => row.event_id));
      const deliveries = events.map((event): Delivery =>
        fresh.delete(event.id.toLowerCase()) ? 'processed' : 'duplicate',
      );
      await consumer.handleBatch(
        events.filter((_, i) => deliveries[i] === 'processed'),
        manager,
      );
      return deliveries;
    });
  }

  private registerConsumers(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as ConsumesEvent | undefined;
      if (!instance || !wrapper.metatype) continue;
      const types = Reflect.getMetadata(EVENT_CONSUMER, wrapper.metatype) as EventType[] | undefined;
      for (const type of types ?? []) {
        if (this.consumers.has(type)) throw new Error(`${this.service}: two consumers for ${type}`);
        this.consumers.set(type, instance);
      }
    }
    const subscribed = new Set<EventType>(this.subscriptions());
    const missing = [...subscribed].filter((type) => !this.consumers.has(type));
    const unexpected = [...this.consumers.keys()].filter((type) => !subscribed.has(type));
    if (missing.length || unexpected.length) {
      throw new Error(
        `${this.service}: consumers do not match its subscriptions` +
          (missing.length ? `; no consumer for ${missing.join(', ')}` : '') +
          (unexpected.length ? `; not subscribed to ${unexpected.join(', ')}` : ''),
      );
    }
  }

  private subscriptions(): readonly EventType[] {
    return (SUBSCRIPTIONS as Record<string, readonly EventType[]>)[this.service] ?? [];
  }
}
