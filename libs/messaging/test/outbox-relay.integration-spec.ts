import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AnyEvent, ConsumerName, subscribersOf } from '@styrkedjan/contracts';
import { EventTransport, OutboxRelay, UnitOfWork } from '@styrkedjan/messaging';
import { PlatformConfig, RequestContext } from '@styrkedjan/platform';
import { eventually, ServiceTestbed } from '@styrkedjan/testing';
import { messagingSpecDatabase } from './messaging.testbed';

const SYSTEM: RequestContext = { principal: null, system: true, correlationId: 'relay-spec', idempotency: null };
const AREA_PAYLOAD = (code: string) => ({ code, sector: 'health' as const, name: 'Ett område', nameEn: null });

/**
 * The outbox relay against a real PostgreSQL and the real queues (Redis when REDIS_URL is set, else
 * PostgreSQL): what it sends is recorded on the way to the queues, so a row sent twice would show.
 */
describe('outbox relay (integration)', () => {
  let testbed: ServiceTestbed;
  let dataSource: DataSource;
  let queues: EventTransport;
  const SUBSCRIBERS = subscribersOf('area.defined');

  beforeAll(async () => {
    testbed = await ServiceTestbed.start({
      service: 'directory',
      database: messagingSpecDatabase('directory'),
      queues: true,
    });
    dataSource = testbed.get(DataSource);
    queues = testbed.get(EventTransport);
  });

  afterAll(async () => {
    await testbed?.stop();
  });

  /** Commits `count` area.defined events in one transaction, as a seed does, and returns their ids. */
  async function commitEvents(count: number): Promise<string[]> {
    return testbed.get(UnitOfWork).run(SYSTEM, 'define-areas', async (tx) =>
      Array.from({ length: count }, () => {
        const code = `health.${randomUUID()}`;
        return tx.record('area.defined', { type: 'area', id: code, version: 1 }, AREA_PAYLOAD(code)).id;
      }),
    );
  }

  /** Sends through the real queues, remembering each call; `around` may hold a call back or break it. */
  class RecordingTransport {
    readonly sent: { consumer: ConsumerName; ids: string[] }[] = [];

    constructor(private readonly around: (send: () => Promise<void>) => Promise<void> = (send) => send()) {}

    send(consumer: ConsumerName, events: readonly AnyEvent[]): Promise<void> {
      this.sent.push({ consumer, ids: events.map((event) => event.id) });
      return this.around(() => queues.send(consumer, events));
    }
  }

  function relay(transport: RecordingTransport, config: Partial<PlatformConfig> = {}): OutboxRelay {
    return new OutboxRelay(dataSource, transport as unknown as EventTransport, {
      ...testbed.config,
      OUTBOX_BATCH_SIZE: 10,
      ...config,
    });
  }

  const unpublished = async (ids: string[]): Promise<number> =>
    (
      await testbed.db.query(
        'SELECT count(*)::int AS n FROM outbox WHERE event_id = ANY($1::uuid[]) AND published_at IS NULL',
        [ids],
      )
    ).rows[0].n;

  const queued = async (consumer: ConsumerName): Promise<number> =>
    (await queues.queue(consumer).getJobCounts('waiting')).waiting ?? 0;

  it('lets two relays drain one outbox side by side without publishing any row twice', async () => {
    const ids = await commitEvents(120);
    const before = await Promise.all(SUBSCRIBERS.map(queued));
    // The first relay holds its first batch, claimed and locked, until the second has sent one of its own:
    // the second must skip the locked rows, or it waits for them forever and the test times out.
    let firstHolds!: () => void;
    const firstHolding = new Promise<void>((resolve) => (firstHolds = resolve));
    let secondSent!: () => void;
    const secondHasSent = new Promise<void>((resolve) => (secondSent = resolve));
    const first = new RecordingTransport(async (send) => {
      firstHolds();
      await secondHasSent;
      await send();
    });
    const second = new RecordingTransport(async (send) => {
      await send();
      secondSent();
    });
    const firstDrain = relay(first).drain();
    await firstHolding;
    await Promise.all([firstDrain, relay(second).drain()]);

    expect(first.sent.length).toBeGreaterThan(0);
    expect(second.sent.length).toBeGreaterThan(0);
    for (const consumer of SUBSCRIBERS) {
      const sentIds = [...first.sent, ...second.sent].filter((s) => s.consumer === consumer).flatMap((s) => s.ids);
      expect(sentIds.length).toBe(ids.length);
      expect(new Set(sentIds)).toEqual(new Set(ids));
    }
    expect(await unpublished(ids)).toBe(0);
    expect(await Promise.all(SUBSCRIBERS.map(queued))).toEqual(before.map((n) => n + ids.length));
  });

  it('sends a batch again when the queues took it but it was never marked published', async () => {
    const ids = await commitEvents(3);
    const before = await Promise.all(SUBSCRIBERS.map(queued));
    // The process dies after the queues accepted the batch and before its transaction marked the rows.
    const dying = new RecordingTransport(async (send) => {
      await send();
      throw new Error('the process died');
    });
    await expect(relay(dying).drain()).rejects.toThrow('the process died');
    expect(await unpublished(ids)).toBe(ids.length);

    const next = new RecordingTransport();
    await relay(next).drain();
    expect(next.sent.flatMap((s) => s.ids).sort()).toEqual(SUBSCRIBERS.flatMap(() => ids).sort());
    expect(await unpublished(ids)).toBe(0);
    // At least once, but the job id is the event id: the queue holds each event once.
    expect(await Promise.all(SUBSCRIBERS.map(queued))).toEqual(before.map((n) => n + ids.length));
  });

  it('publishes a commit as soon as its NOTIFY arrives, without waiting for the poll', async () => {
    const transport = new RecordingTransport();
    const listening = relay(transport, { SERVICE_ROLES: ['relay'], OUTBOX_POLL_MS: 60_000 });
    await listening.onApplicationBootstrap();
    try {
      // The first commit may still meet the drain the relay runs at start; the second only a NOTIFY can announce.
      for (let commit = 0; commit < 2; commit++) {
        const ids = await commitEvents(1);
        await eventually(async () => expect(await unpublished(ids)).toBe(0), { timeoutMs: 10_000 });
        for (const consumer of SUBSCRIBERS) expect(await queues.queue(consumer).getJob(ids[0])).toBeDefined();
      }
      expect(transport.sent.map((s) => s.consumer).sort()).toEqual([...SUBSCRIBERS, ...SUBSCRIBERS].sort());
    } finally {
      await listening.onApplicationShutdown();
    }
  });
});
