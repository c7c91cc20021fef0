import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { AnyEvent, EventOf } from '@styrkedjan/contracts';
import {
  ConsumerHost,
  ConsumesEvent,
  ConsumesEventBatch,
  Delivery,
  EventConsumer,
  EventTransport,
  Transaction,
} from '@styrkedjan/messaging';
import { eventually, ServiceTestbed } from '@styrkedjan/testing';
import {
  deliveredEvent,
  messagingSpecDatabase,
  supportDrafted,
  supportPublished,
  IgnoredWithdrawnConsumer,
} from './messaging.testbed';

/** Events whose effect the consumers below refuse: the effect fails, so nothing of the delivery may stay. */
const failing = new Set<string>();

/** Applies one event at a time and records an event of its own, as the notifications consumers do. */
@Injectable()
@EventConsumer('support.drafted')
class DraftedConsumer implements ConsumesEvent<'support.drafted'> {
  async handle(event: EventOf<'support.drafted'>, tx: Transaction): Promise<void> {
    await tx.manager.query('INSERT INTO effects (event_id, type) VALUES ($1, $2)', [event.id, event.type]);
    if (failing.has(event.id)) throw new Error(`cannot apply ${event.id}`);
    // An event the feedback service produces, so the contracts let it record one.
    const { supportId, leadAgencyId, title } = event.payload;
    tx.record(
      'feedback.received',
      { type: 'feedback', id: event.id, version: 1 },
      {
        feedbackId: event.id,
        supportId,
        leadAgencyId,
        supportTitle: title,
        organisationId: leadAgencyId,
        usefulness: 3,
        applicationStatus: 'planned',
        comment: 'Följer utkastet',
        receivedAt: event.occurredAt,
      },
    );
  }
}

/** Applies what has arrived as one batch, as the pipeline's event log does; remembers each batch it was given. */
@Injectable()
@EventConsumer('support.published')
class PublishedBatchConsumer implements ConsumesEventBatch<'support.published'> {
  readonly batches: string[][] = [];
  readonly alone: string[] = [];

  async handleBatch(events: readonly EventOf<'support.published'>[], manager: EntityManager): Promise<void> {
    this.batches.push(events.map((event) => event.id));
    await manager.query('INSERT INTO effects (event_id, type) SELECT unnest($1::uuid[]), $2', [
      events.map((event) => event.id),
      'support.published',
    ]);
  }

  async handle(event: EventOf<'support.published'>, tx: Transaction): Promise<void> {
    this.alone.push(event.id);
    await tx.manager.query('INSERT INTO effects (event_id, type) VALUES ($1, $2)', [event.id, event.type]);
  }
}

/**
 * The consumer host of a service (feedback: it takes support.drafted and support.published) against a real
 * PostgreSQL, first called as the worker calls it, then fed through the real queue.
 */
describe('consumer host (integration)', () => {
  let testbed: ServiceTestbed;
  let host: ConsumerHost;
  let batches: PublishedBatchConsumer;

  beforeAll(async () => {
    testbed = await ServiceTestbed.start({
      service: 'feedback',
      database: messagingSpecDatabase('feedback'),
      queues: true,
      providers: [DraftedConsumer, PublishedBatchConsumer, IgnoredWithdrawnConsumer],
      env: { SERVICE_ROLES: 'consumer', CONSUMER_CONCURRENCY: '50', CONSUMER_ATTEMPTS: '2', CONSUMER_BACKOFF_MS: '10' },
    });
    host = testbed.get(ConsumerHost);
    batches = testbed.get(PublishedBatchConsumer);
  });

  afterAll(async () => {
    await testbed?.stop();
  });

  const deliver = (event: AnyEvent): Promise<Delivery> => host.process({ data: event });

  async function applied(ids: string[]): Promise<{ effects: number; processed: number }> {
    const { rows } = await testbed.db.query(
      `SELECT (SELECT count(*)::int FROM effects WHERE event_id = ANY($1::uuid[])) AS effects,
              (SELECT count(*)::int FROM processed_events WHERE event_id = ANY($1::uuid[])) AS processed`,
      [ids],
    );
    return rows[0];
  }

  const causedBy = async (id: string) =>
    (await testbed.outbox()).filter((row) => row.envelope.causationId === id).map((row) => row.envelope);

  it('applies an event once however often it arrives, and records its own events with their cause', async () => {
    const event = supportDrafted();
    expect(await deliver(event)).toBe('processed');
    expect(await deliver(event)).toBe('duplicate');
    const again = supportDrafted();
    expect((await Promise.all([1, 2, 3].map(() => deliver(again)))).sort()).toEqual([
      'duplicate',
      'duplicate',
      'processed',
    ]);

    expect(await applied([event.id, again.id])).toEqual({ effects: 2, processed: 2 });
    const recorded = await causedBy(event.id);
    expect(recorded).toEqual([
      expect.objectContaining({
        type: 'feedback.received',
        producer: 'feedback',
        actor: event.actor,
        correlationId: event.correlationId,
        causationId: event.id,
      }),
    ]);
    expect(await causedBy(again.id)).toHaveLength(1);
  });

  it('keeps neither the effect nor the processed record of a delivery that fails, so a retry applies it', async () => {
    const event = supportDrafted();
    failing.add(event.id);
    await expect(deliver(event)).rejects.toThrow(`cannot apply ${event.id}`);
    expect(await applied([event.id])).toEqual({ effects: 0, processed: 0 });
    expect(await causedBy(event.id)).toEqual([]);

    failing.delete(event.id);
    expect(await deliver(event)).toBe('processed');
    expect(await applied([event.id])).toEqual({ effects: 1, processed: 1 });
  });

  it('refuses, without retries, an event that breaks its contract or that the service does not take', async () => {
    const broken = { ...supportDrafted(), payload: { title: 'no ids' } };
    await expect(host.process({ data: broken })).rejects.toBeInstanceOf(UnrecoverableError);
    const unsubscribed = deliveredEvent(
      'area.defined',
      { type: 'area', id: 'health.x', version: 1 },
      { code: 'health.x', sector: 'health', name: 'X', nameEn: null },
    );
    await expect(deliver(unsubscribed)).rejects.toThrow(/does not consume area\.defined/);
    await expect(deliver(unsubscribed)).rejects.toBeInstanceOf(UnrecoverableError);
    expect(await applied([broken.id, unsubscribed.id])).toEqual({ effects: 0, processed: 0 });
  });

  describe('a batch consumer', () => {
    beforeEach(() => {
      batches.batches.length = 0;
      batches.alone.length = 0;
    });

    it('commits what arrives during a commit together in the next one', async () => {
      const events = Array.from({ length: 21 }, () => supportPublished());
      // Called in one go: the first goes alone at once, the rest wait for it and then go as one batch.
      const deliveries = await Promise.all(events.map(deliver));
      expect(deliveries).toEqual(events.map(() => 'processed'));
      expect(batches.batches).toEqual([[events[0].id], events.slice(1).map((event) => event.id)]);
      expect(await applied(events.map((event) => event.id))).toEqual({ effects: 21, processed: 21 });
    });

    it('hands it only fresh events: a duplicate in the batch, or one processed before, is answered as such', async () => {
      const [first, second] = [supportPublished(), supportPublished()];
      const deliveries = await Promise.all([first, second, second, first].map(deliver));
      expect(deliveries).toEqual(['processed', 'processed', 'duplicate', 'duplicate']);
      expect(batches.batches).toEqual([[first.id], [second.id]]);
      expect(await applied([first.id, second.id])).toEqual({ effects: 2, processed: 2 });
    });

    it('falls back to one at a time when a batch fails, so only the bad event fails', async () => {
      const [alone, before, bad, after] = Array.from({ length: 4 }, () => supportPublished());
      // Its effect is already there, so inserting it breaks the primary key: in the batch and alone.
      await testbed.db.query('INSERT INTO effects (event_id, type) VALUES ($1, $2)', [bad.id, bad.type]);
      const deliveries = await Promise.allSettled([alone, before, bad, after].map(deliver));

      expect(deliveries.map((delivery) => delivery.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'rejected',
        'fulfilled',
      ]);
      expect(batches.batches).toEqual([[alone.id], [before.id, bad.id, after.id]]);
      expect(batches.alone).toEqual([before.id, bad.id, after.id]);
      expect(await applied([alone.id, before.id, after.id])).toEqual({ effects: 3, processed: 3 });
      expect(await applied([bad.id])).toEqual({ effects: 1, processed: 0 });
    });
  });

  describe('through the queue', () => {
    it('applies what a relay puts on the queue, a redelivery under another job id once', async () => {
      const transport = testbed.get(EventTransport);
      const drafted = supportDrafted();
      const published = Array.from({ length: 10 }, () => supportPublished());
      await transport.send('feedback', [drafted, ...published]);
      await transport.queue('feedback').add(drafted.type, drafted, { jobId: `${drafted.id}-again` });

      await eventually(async () => {
        const counts = await transport.queue('feedback').getJobCounts('waiting', 'active', 'delayed', 'failed');
        expect(counts).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
      });
      const ids = [drafted.id, ...published.map((event) => event.id)];
      expect(await applied(ids)).toEqual({ effects: 11, processed: 11 });
      expect(await causedBy(drafted.id)).toHaveLength(1);
    });

    it('leaves an event that keeps failing in the failed set after its attempts: the dead letters', async () => {
      const transport = testbed.get(EventTransport);
      const poison = supportDrafted();
      failing.add(poison.id);
      await transport.send('feedback', [poison]);
      const job = async () => transport.queue('feedback').getJob(poison.id);
      await eventually(async () => expect(await (await job())?.getState()).toBe('failed'));
      expect((await job())?.attemptsMade).toBe(2);
      expect(await applied([poison.id])).toEqual({ effects: 0, processed: 0 });
    });
  });
});
