import { openQueueBackend, QueueBackend as MessagingBackend, queueBackendKind } from '@styrkedjan/messaging';
import IORedis from 'ioredis';
import type { TestSystem } from '@styrkedjan/testing';

/**
 * The queues as the benchmark sees them: made through the same `openQueueBackend` as the services' (Redis
 * when the system runs with REDIS_URL, else BullMQ's PostgreSQL backend in the system's database), so the
 * E baseline runs on the same backend as the system it is compared with.
 */
export interface QueueBackend extends MessagingBackend {
  /** Printed with every figure. */
  name: string;
  version(): Promise<string>;
}

export async function queueBackend(system: TestSystem): Promise<QueueBackend> {
  const backend = await openQueueBackend({
    REDIS_URL: system.redisUrl,
    DATABASE_URL: system.databaseUrl,
    QUEUE_PREFIX: system.queuePrefix,
    QUEUE_POOL_SIZE: 10,
  });
  return Object.assign(backend, {
    name:
      queueBackendKind({ REDIS_URL: system.redisUrl }) === 'redis'
        ? 'PostgreSQL + Redis (BullMQ on Redis)'
        : 'PostgreSQL only (BullMQ on PostgreSQL)',
    version: async () => {
      if (!system.redisUrl) return 'no Redis';
      const client = new IORedis(system.redisUrl);
      const info = await client.info('server').finally(() => client.disconnect());
      return `Redis ${/redis_version:(\S+)/.exec(info)?.[1] ?? '?'}`;
    },
  });
}
