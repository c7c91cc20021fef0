import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AnyEvent, ConsumerName, subscribersOf } from '@styrkedjan/contracts';
import { SpanKind } from '@opentelemetry/api';
import { contextOfTrace, PLATFORM_CONFIG, PlatformConfig, tracer, tracingEnabled } from '@styrkedjan/platform';
import { outboxChannel, outboxSchemaOf } from './outbox';
import { EventTransport } from './transport';

/**
 * Publishes committed outbox rows to the queues of every subscriber, then marks them published.
 * Woken by NOTIFY on commit, and by a slow poll in case a notification was missed while disconnected.
 * Rows are claimed with SKIP LOCKED, so several processes of one service can relay side by side.
 * A crash after sending but before marking re-sends the batch: delivery is at least once.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener?: Client;
  private pollTimer?: NodeJS.Timeout;
  private pruneTimer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private wakeAgain = false;
  private stopped = false;
  private readonly schema: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: EventTransport,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {
    this.schema = outboxSchemaOf(dataSource);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.SERVICE_ROLES.includes('relay')) return;
    await this.listen();
    this.pollTimer = setInterval(() => this.wake(), this.config.OUTBOX_POLL_MS);
    this.pruneTimer = setInterval(() => void this.prune(), 15 * 60_000);
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearInterval(this.pruneTimer);
    await this.draining;
    await this.listener?.end().catch(() => undefined);
  }

  /** Runs a drain now, or right after the one under way, so that no wake-up is lost. */
  wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.wakeAgain = true;
      return;
    }
    this.draining = this.drain()
      .catch((error: Error) => this.logger.warn(`relay paused: ${error.message}`))
      .finally(() => {
        this.draining = undefined;
        if (this.wakeAgain) {
          this.wakeAgain = false;
          this.wake();
        }
      });
  }

  /** Publishes until the outbox has nothing unpublished left. */
  async drain(): Promise<void> {
    while (!this.stopped && (await this.publishBatch()) === this.config.OUTBOX_BATCH_SIZE) {
      // a full batch means there may be more
    }
  }

  private async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { position: string; envelope: AnyEvent }[] = await manager.query(
        `SELECT position, envelope FROM outbox WHERE published_at IS NULL
         ORDER BY position LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.config.OUTBOX_BATCH_SIZE],
      );
      if (rows.length === 0) return 0;
      const byConsumer = new Map<ConsumerName, AnyEvent[]>();
      for (const { envelope } of rows) {
        for (const consumer of subscribersOf(envelope.type)) {
          const events = byConsumer.get(consumer) ?? [];
          events.push(envelope);
          byConsumer.set(consumer, events);
        }
      }
      const published = tracingEnabled() ? rows.map(({ envelope }) => publishSpan(envelope)) : [];
      await Promise.all([...byConsumer].map(([consumer, events]) => this.transport.send(consumer, events)));
      for (const span of published) span.end();
      // The time of marking, not of the transaction's start (now()), which lies before a send that waited for
      // a queue: consumers reconcile by published_at and must not find rows appear behind where they read.
      await manager.query('UPDATE outbox SET published_at = clock_timestamp() WHERE position = ANY($1::bigint[])', [
        rows.map((row) => row.position),
      ]);
      return rows.length;
    });
  }

  private async listen(): Promise<void> {
    const client = new Client({
      connectionString: this.config.DATABASE_URL,
      application_name: `styrkedjan-${this.schema}-relay`,
    });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      // Only the listener in use is replaced; a connection that failed to open is retried by the caller.
      if (this.listener !== client) return;
      this.logger.warn(`outbox listener lost: ${error.message}; polling until it is back`);
      this.listener = undefined;
      void client.end().catch(() => undefined);
      this.listenAgainSoon();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${outboxChannel(this.schema)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.listener = client;
  }

  /** Retries until PostgreSQL takes the LISTEN again (it may be restarting); the poll covers the gap. */
  private listenAgainSoon(): void {
    if (this.stopped) return;
    setTimeout(() => {
      if (this.stopped) return;
      this.listen().then(
        () => this.wake(),
        () => this.listenAgainSoon(),
      );
    }, 1000);
  }

  /** Published rows are kept for a while to help an operator trace a delivery, then removed. */
  private async prune(): Promise<void> {
    await this.dataSource
      .query(`DELETE FROM outbox WHERE published_at < now() - make_interval(hours => $1)`, [
        this.config.OUTBOX_RETENTION_HOURS,
      ])
      .catch((error: Error) => this.logger.warn(`outbox prune failed: ${error.message}`));
  }
}

/** The hop from the outbox to the queues, in the trace of the span that recorded the event. */
function publishSpan(envelope: AnyEvent) {
  return tracer().startSpan(
    `publish ${envelope.type}`,
    { kind: SpanKind.PRODUCER, attributes: { 'messaging.message.id': envelope.id } },
    contextOfTrace(envelope.trace),
  );
}
