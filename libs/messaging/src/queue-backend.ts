import {
  createPostgresBackend,
  JobsOptions,
  Processor,
  Queue,
  runMigrations,
  withBackend,
  Worker,
  WorkerOptions,
} from 'bullmq';
import IORedis from 'ioredis';
import { Pool } from 'pg';

/** Where the queues live: Redis for throughput, or PostgreSQL for a deployment with one server less. */
export type QueueBackendKind = 'redis' | 'postgres';

export interface QueueBackendSettings {
  /** Set: the queues run on this Redis. Unset: on PostgreSQL, in the `bullmq` schema of DATABASE_URL's database. */
  REDIS_URL?: string;
  DATABASE_URL: string;
  QUEUE_PREFIX: string;
  /** Connections the process's queues share on the PostgreSQL backend (each Worker holds one for LISTEN). */
  QUEUE_POOL_SIZE: number;
}

export type WorkerSettings = Omit<WorkerOptions, 'connection' | 'prefix'>;

/**
 * The one place that chooses BullMQ's backend. Everything else makes queues and workers through it and
 * sees the same Queue/Worker API on either backend.
 */
export interface QueueBackend {
  readonly kind: QueueBackendKind;
  /** BullMQ's `removeOnComplete` that suits the backend: which done jobs go when (failed ones always stay). */
  readonly removeOnComplete: JobsOptions['removeOnComplete'];
  queue(name: string): Queue;
  worker(name: string, processor: Processor, settings: WorkerSettings): Worker;
  /** Throws when the backend cannot be reached: the readiness check. */
  ping(): Promise<void>;
  /** Closes the shared connections; close the queues and workers first. */
  close(): Promise<void>;
}

export function queueBackendKind(settings: Pick<QueueBackendSettings, 'REDIS_URL'>): QueueBackendKind {
  return settings.REDIS_URL ? 'redis' : 'postgres';
}

/** Opens the backend the settings name; on PostgreSQL it first brings BullMQ's schema up to date. */
export async function openQueueBackend(settings: QueueBackendSettings): Promise<QueueBackend> {
  return settings.REDIS_URL ? redisBackend(settings.REDIS_URL, settings.QUEUE_PREFIX) : postgresBackend(settings);
}

const POSTGRES_QUEUE_SCHEMA = 'bullmq';

function redisBackend(url: string, prefix: string): QueueBackend {
  // Queues share one connection; each Worker opens its own blocking one, as BullMQ requires.
  const connection = new IORedis(url, { maxRetriesPerRequest: null });
  return {
    kind: 'redis',
    // Kept for an hour, for tracing a delivery.
    removeOnComplete: { age: 3600, count: 10_000 },
    queue: (name) => new Queue(name, { connection, prefix }),
    worker: (name, processor, settings) =>
      new Worker(name, processor, { ...settings, prefix, connection: { url, maxRetriesPerRequest: null } }),
    ping: async () => {
      await connection.ping();
    },
    close: async () => {
      connection.disconnect();
    },
  };
}

async function postgresBackend(settings: QueueBackendSettings): Promise<QueueBackend> {
  // One pool for every queue and worker of the process: BullMQ would otherwise open a pool per object.
  // The queues' bookkeeping commits without waiting for its WAL flush: a job takes several commits, and waiting
  // for each slowed the event path several times over (docs/benchmark.md). Nothing is lost that matters:
  // PostgreSQL's WAL is one stream, so the relay's synchronous commit that marks an event published, made after
  // the queue took it, flushes that job too; a job's completion lost in a crash only redelivers it, and consumers
  // apply each event once (processed_events).
  const pool = new Pool({
    connectionString: settings.DATABASE_URL,
    max: settings.QUEUE_POOL_SIZE,
    application_name: 'styrkedjan-queues',
    options: `-c search_path=${POSTGRES_QUEUE_SCHEMA} -c synchronous_commit=off`,
  });
  pool.on('error', () => undefined); // a dropped idle connection is replaced on next use
  const client = await pool.connect();
  try {
    // Takes an advisory lock, so processes starting together migrate once.
    await runMigrations(client, POSTGRES_QUEUE_SCHEMA);
  } finally {
    client.release();
  }
  const { Queue: PostgresQueue, Worker: PostgresWorker } = withBackend(createPostgresBackend);
  const prefix = settings.QUEUE_PREFIX;
  return {
    kind: 'postgres',
    // Removed at once: this backend scans its job table, so kept jobs made the event path slower the longer it ran.
    removeOnComplete: true,
    queue: (name) => new PostgresQueue(name, { connection: pool, prefix }) as unknown as Queue,
    worker: (name, processor, workerSettings) =>
      new PostgresWorker(name, processor, { ...workerSettings, prefix, connection: pool }) as unknown as Worker,
    ping: async () => {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
}
