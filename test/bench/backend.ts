import { ConnectionOptions, Processor, Queue, QueueEvents, Worker } from 'bullmq';
import IORedis from 'ioredis';
import type { TestSystem } from '@styrkedjan/testing';

/**
 * ─── QUEUE BACKEND CHOICE ────────────────────────────────────────────────────────────────────────────
 * The one function that decides how the benchmark talks to the queues: the E baseline's Queue and Worker
 * and the listeners that see consumers finish. It must make them the way the services make theirs
 * (libs/messaging/src/transport.ts), so the baseline runs on the same backend as the system.
 * Today: BullMQ on Redis (REDIS_URL). When the PostgreSQL backend lands (REDIS_URL unset), branch here on
 * the same condition the services use and build the Queue/Worker/QueueEvents with that backend instead.
 * ──────────────────────────────────────────────────────────────────────────────────────────────────────
 */
export function queueBackend(system: TestSystem): QueueBackend {
  const connection: ConnectionOptions = { url: system.redisUrl, maxRetriesPerRequest: null };
  const shared = new IORedis(system.redisUrl, { maxRetriesPerRequest: null });
  const prefix = system.queuePrefix;
  return {
    name: 'PostgreSQL + Redis (BullMQ on Redis)',
    queue: (name) => new Queue(name, { connection: shared, prefix }),
    worker: (name, processor, concurrency) => new Worker(name, processor, { connection, prefix, concurrency }),
    events: (name) => new QueueEvents(name, { connection, prefix }),
    async version() {
      const info = await shared.info('server');
      return `Redis ${/redis_version:(\S+)/.exec(info)?.[1] ?? '?'}`;
    },
    close: async () => shared.disconnect(),
  };
}

export interface QueueBackend {
  /** Printed with every figure. */
  name: string;
  queue(name: string): Queue;
  worker(name: string, processor: Processor, concurrency: number): Worker;
  /** Completion events of a queue, as the system's consumers finish jobs. */
  events(name: string): QueueEvents;
  version(): Promise<string>;
  close(): Promise<void>;
}
