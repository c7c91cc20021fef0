import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { JobsOptions, Processor, Queue, Worker } from 'bullmq';
import { AnyEvent, ConsumerName, queueNameOf } from '@styrkedjan/contracts';
import { PLATFORM_CONFIG, PlatformConfig, Readiness } from '@styrkedjan/platform';
import { openQueueBackend, QueueBackend } from './queue-backend';

/**
 * Makes every Queue and Worker of the process, on the backend the configuration chooses (Redis or
 * PostgreSQL, see queue-backend.ts), and sets how jobs retry.
 */
@Injectable()
export class EventTransport implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(EventTransport.name);
  private readonly queues = new Map<ConsumerName, Queue>();
  private readonly workers: Worker[] = [];
  private readonly ownQueues: Queue[] = [];
  private backend?: QueueBackend;

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    private readonly readiness: Readiness,
  ) {}

  async onModuleInit(): Promise<void> {
    this.backend = await openQueueBackend(this.config);
    // Not essential: while the queues are away, writes wait in the outbox and the process is only degraded.
    this.readiness.register('queues', () => this.ping(), { essential: false });
  }

  /** Resolves when the queue backend answers. */
  ping(): Promise<void> {
    return this.opened().ping();
  }

  /** Puts events on a consumer's queue, each with the retry policy; the job id is the event id. */
  async send(consumer: ConsumerName, events: readonly AnyEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.queue(consumer).addBulk(
      events.map((event) => ({ name: event.type, data: event, opts: this.jobOptions(event.id) })),
    );
  }

  queue(consumer: ConsumerName): Queue {
    let queue = this.queues.get(consumer);
    if (!queue) {
      queue = this.opened().queue(queueNameOf(consumer));
      queue.on('error', (error) => this.logger.warn(`queue ${consumer}: ${error.message}`));
      this.queues.set(consumer, queue);
    }
    return queue;
  }

  /** A worker on the consumer's queue. */
  work(consumer: ConsumerName, processor: Processor): Worker {
    const worker = this.opened().worker(queueNameOf(consumer), processor, {
      concurrency: this.config.CONSUMER_CONCURRENCY,
      lockDuration: this.config.CONSUMER_LOCK_MS,
      stalledInterval: Math.max(1000, Math.floor(this.config.CONSUMER_LOCK_MS / 2)),
    });
    worker.on('error', (error) => this.logger.warn(`worker ${consumer}: ${error.message}`));
    this.workers.push(worker);
    return worker;
  }

  /**
   * A queue of a service's own jobs rather than events (a reminder due at a time), on the same backend. Its jobs
   * only wake the service: what they do is decided again in the database when they run.
   */
  jobQueue(name: string): Queue {
    const queue = this.opened().queue(name);
    queue.on('error', (error) => this.logger.warn(`queue ${name}: ${error.message}`));
    this.ownQueues.push(queue);
    return queue;
  }

  /** A worker on such a queue, closed with the others at shutdown. */
  jobWorker(name: string, processor: Processor): Worker {
    const worker = this.opened().worker(name, processor, {
      concurrency: 4,
      lockDuration: this.config.CONSUMER_LOCK_MS,
      stalledInterval: Math.max(1000, Math.floor(this.config.CONSUMER_LOCK_MS / 2)),
    });
    worker.on('error', (error) => this.logger.warn(`worker ${name}: ${error.message}`));
    this.workers.push(worker);
    return worker;
  }

  /** The retry policy of events, for a service's own jobs too. */
  retries(): Pick<JobsOptions, 'attempts' | 'backoff' | 'removeOnComplete' | 'removeOnFail'> {
    const { jobId: _jobId, ...retries } = this.jobOptions('');
    return retries;
  }

  get maxAttempts(): number {
    return this.config.CONSUMER_ATTEMPTS;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.workers.map((worker) => worker.close()));
    await Promise.allSettled([...this.queues.values(), ...this.ownQueues].map((queue) => queue.close()));
    await this.backend?.close();
  }

  private opened(): QueueBackend {
    if (!this.backend) throw new Error('the queue backend is not open yet');
    return this.backend;
  }

  private jobOptions(eventId: string): JobsOptions {
    return {
      jobId: eventId,
      attempts: this.config.CONSUMER_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.config.CONSUMER_BACKOFF_MS },
      // Done jobs go as the backend prefers; failed ones stay: the failed set is the dead-letter list.
      removeOnComplete: this.opened().removeOnComplete,
      removeOnFail: false,
    };
  }
}
