import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EventOf } from '@styrkedjan/contracts';
import {
  ConsumesEvent,
  EventConsumer,
  EventTransport,
  ReconciliationMetrics,
  Transaction,
} from '@styrkedjan/messaging';
import { Metrics, Readiness } from '@styrkedjan/platform';
import { eventually, ServiceTestbed } from '@styrkedjan/testing';
import { messagingSpecDatabase, supportDrafted, IgnoredWithdrawnConsumer } from './messaging.testbed';

@Injectable()
@EventConsumer('support.drafted')
class DraftedConsumer implements ConsumesEvent<'support.drafted'> {
  async handle(event: EventOf<'support.drafted'>, tx: Transaction): Promise<void> {
    await tx.manager.query('INSERT INTO effects (event_id, type) VALUES ($1, $2)', [event.id, event.type]);
  }
}

@Injectable()
@EventConsumer('support.published')
class PublishedConsumer implements ConsumesEvent<'support.published'> {
  handle(): Promise<void> {
    return Promise.resolve();
  }
}

/** The value of one series in Prometheus text: the line of `name` whose labels include every one given. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? '').split(',');
    if (wanted.every((pair) => present.includes(pair))) return Number(match[3]);
  }
  return undefined;
}

/**
 * A service's /metrics and readiness against real PostgreSQL and the queues: the outbox's lag read when scraped
 * (and readiness degraded past OUTBOX_LAG_DEGRADED_S), the queue's depth, the consumer's time per event type,
 * dead letters and the reconciliation's counters.
 */
describe('messaging metrics and readiness (integration)', () => {
  let testbed: ServiceTestbed;
  const scrape = () => testbed.get(Metrics).text();

  beforeAll(async () => {
    testbed = await ServiceTestbed.start({
      service: 'feedback',
      database: messagingSpecDatabase('feedback'),
      queues: true,
      providers: [DraftedConsumer, PublishedConsumer, IgnoredWithdrawnConsumer],
      // No relay: what is put in the outbox stays unpublished, as while the queues are away.
      env: { SERVICE_ROLES: 'consumer', OUTBOX_LAG_DEGRADED_S: '60' },
    });
  });

  afterAll(async () => {
    await testbed?.stop();
  });

  it('reports an empty outbox and an answering queue as ready, with no lag', async () => {
    // The queue backend's connection may still be opening right after start: 0 until it answers.
    await eventually(async () => expect(sample(await scrape(), 'styrkedjan_queue_up')).toBe(1));
    const text = await scrape();
    expect(sample(text, 'styrkedjan_outbox_lag_seconds', { service: 'feedback' })).toBe(0);
    expect(sample(text, 'styrkedjan_outbox_unpublished')).toBe(0);
    expect(sample(text, 'styrkedjan_dead_letters', { queue: 'feedback' })).toBe(0);
    expect(await testbed.get(Readiness).check()).toMatchObject({ status: 'ok', checks: { outbox: 'up' } });
  });

  it('times each delivered event by type and outcome, and shows the queue it came through', async () => {
    const event = supportDrafted();
    await testbed.get(EventTransport).send('feedback', [event]);
    await eventually(async () => {
      const text = await scrape();
      expect(
        sample(text, 'styrkedjan_consumer_processing_seconds_count', {
          event_type: 'support.drafted',
          outcome: 'processed',
        }),
      ).toBe(1);
      expect(sample(text, 'styrkedjan_queue_jobs', { queue: 'feedback', state: 'waiting' })).toBe(0);
    });
    const { rows } = await testbed.db.query('SELECT count(*)::int AS n FROM effects WHERE event_id = $1', [event.id]);
    expect(rows[0].n).toBe(1);
  });

  it('serves the reconciliation counters per producer', async () => {
    testbed.get(ReconciliationMetrics).record('supports', { examined: 5, redriven: 2 });
    const text = await scrape();
    expect(sample(text, 'styrkedjan_reconciliation_examined_total', { producer: 'supports' })).toBe(5);
    expect(sample(text, 'styrkedjan_reconciliation_redriven_total', { producer: 'supports' })).toBe(2);
    expect(sample(text, 'styrkedjan_reconciliation_sweeps_total', { producer: 'supports' })).toBe(1);
  });

  it('reads the age of the oldest unpublished event on each scrape, and is degraded once it passes the limit', async () => {
    await testbed.db.query(
      `INSERT INTO outbox (event_id, type, envelope, created_at) VALUES
         ($1, 'support.drafted', '{}', now() - interval '2 minutes'), ($2, 'support.drafted', '{}', now())`,
      [randomUUID(), randomUUID()],
    );
    const text = await scrape();
    expect(sample(text, 'styrkedjan_outbox_unpublished')).toBe(2);
    expect(sample(text, 'styrkedjan_outbox_lag_seconds')).toBeGreaterThanOrEqual(120);
    expect(await testbed.get(Readiness).check()).toMatchObject({
      ready: true,
      status: 'degraded',
      checks: { postgres: 'up', outbox: 'degraded' },
    });

    await testbed.db.query('UPDATE outbox SET published_at = now()');
    expect(sample(await scrape(), 'styrkedjan_outbox_lag_seconds')).toBe(0);
    expect((await testbed.get(Readiness).check()).status).toBe('ok');
  });
});
