import Fastify, { FastifyInstance } from 'fastify';
import { AnyEvent } from '@styrkedjan/contracts';
import { EventTransport } from '@styrkedjan/messaging';
import { parseConfig, Readiness } from '@styrkedjan/platform';
import { createThrowawayDatabase, dropThrowawayDatabase } from '@styrkedjan/testing';
import { isAllowedAction, QueueBoard } from './queue-board';

/** A job waiting on the notifications queue. */
function waitingEvent(): AnyEvent {
  return { id: crypto.randomUUID(), type: 'support.published' } as unknown as AnyEvent;
}

/**
 * The board over real queues (Redis when REDIS_URL is set, else the PostgreSQL backend): its page and read API
 * answer for every consumer queue, and only its re-drives, promotions, pausing and resuming are let through.
 */
describe('queue board (integration)', () => {
  let databaseUrl: string;
  let transport: EventTransport;
  let board: QueueBoard;
  let app: FastifyInstance;

  beforeAll(async () => {
    const database = await createThrowawayDatabase();
    databaseUrl = database.url;
    const config = parseConfig({
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      REDIS_URL: process.env.REDIS_URL || undefined,
      QUEUE_PREFIX: database.queuePrefix,
      QUEUE_POOL_SIZE: '3',
    });
    transport = new EventTransport(config, new Readiness());
    await transport.onModuleInit();
    board = new QueueBoard(transport);
    app = Fastify();
    app.all('/admin/queues', (request, reply) => board.answer(request, reply));
    app.all('/admin/queues/*', (request, reply) => board.answer(request, reply));
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await board?.onApplicationShutdown();
    await transport?.onApplicationShutdown();
    if (databaseUrl) await dropThrowawayDatabase(databaseUrl);
  });

  it('serves its page and lists every consumer queue with its counts', async () => {
    const page = await app.inject({ method: 'GET', url: '/admin/queues' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);

    const event = waitingEvent();
    await transport.queue('notifications').add(event.type, event, { jobId: event.id });
    const queues = await app.inject({
      method: 'GET',
      url: '/admin/queues/api/queues?activeQueue=events.notifications',
    });
    expect(queues.statusCode).toBe(200);
    const names = (queues.json<{ queues: { name: string }[] }>().queues ?? []).map((queue) => queue.name);
    expect(names).toEqual(expect.arrayContaining(['events.needs', 'events.notifications', 'events.pipeline']));
  });

  it('lets re-drives, promotions, pausing and resuming through, and nothing that drops or forges jobs', () => {
    for (const path of [
      'pause',
      'resume',
      'events.notifications/retry/failed',
      'events.notifications/pause',
      'events.notifications/5f1c/retry',
      'events.notifications/5f1c/promote',
    ]) {
      expect([path, isAllowedAction(`/admin/queues/api/queues/${path}`)]).toEqual([path, true]);
    }
    for (const path of [
      'events.notifications/obliterate',
      'events.notifications/empty',
      'events.notifications/clean/failed',
      'events.notifications/5f1c/clean',
      'events.notifications/add',
      'events.notifications/5f1c/update-data',
      'events.notifications/concurrency',
    ]) {
      expect([path, isAllowedAction(`/admin/queues/api/queues/${path}`)]).toEqual([path, false]);
    }
  });
});
