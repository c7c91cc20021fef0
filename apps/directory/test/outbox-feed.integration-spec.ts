import { join } from 'node:path';
import request from 'supertest';
import { SUBSCRIPTIONS } from '@styrkedjan/contracts';
import { eventually, TestSystem } from '@styrkedjan/testing';

/**
 * The outbox feed that consumers reconcile against, on the directory service (the producer with the most
 * events after a seed) as its own process: ids in publishing order, pages that neither skip nor repeat,
 * envelopes on request, and bad input refused with the field named.
 */
describe('outbox feed (integration)', () => {
  let system: TestSystem;
  let http: ReturnType<typeof request>;
  // As a consuming service asks, with an assertion signed as that service for the directory.
  const get = (path: string, query: Record<string, string | number>) => {
    const params = Object.entries(query).map(([name, value]): [string, string] => [name, String(value)]);
    const target = `${path}?${new URLSearchParams(params).toString()}`;
    return http.get(target).set(system.assertion('directory', 'GET', target, null, 'notifications'));
  };
  let published: string[]; // the ids the notifications consumer subscribes to, in publishing order

  beforeAll(async () => {
    system = await TestSystem.start({ services: ['directory'], seed: false });
    http = request(system.serviceUrl('directory'));
    await system.runCommand(join(__dirname, '..', '..', '..', 'dist', 'apps', 'directory', 'src', 'seed.js'));
    await eventually(async () => {
      const { rows } = await system.db.query(
        'SELECT count(*)::int AS n FROM directory.outbox WHERE published_at IS NULL',
      );
      expect(rows[0].n).toBe(0);
    });
    const { rows } = await system.db.query(
      'SELECT event_id::text AS id FROM directory.outbox WHERE type = ANY($1) ORDER BY published_at, position',
      [SUBSCRIPTIONS.notifications],
    );
    published = rows.map((row) => row.id);
    expect(published.length).toBeGreaterThan(300);
  });

  afterAll(async () => {
    await system?.stop();
  });

  /** Every id the feed lists for a consumer, page after page. */
  async function feedOf(consumer: string): Promise<string[]> {
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await get('/outbox/published', {
        consumer,
        limit: 100,
        ...(after ? { after } : {}),
      }).expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(100);
      seen.push(...page.body.items.map((item: { eventId: string }) => item.eventId));
      if (page.body.items.length < 100) return seen;
      after = page.body.items.at(-1).cursor;
    }
  }

  it('lists what a consumer subscribes to in publishing order, page after page, none skipped or repeated', async () => {
    expect(await feedOf('notifications')).toEqual(published);
  });

  it('serves the target groups and product types the seed defined to the consumers that take them', async () => {
    const { rows } = await system.db.query(
      `SELECT event_id::text AS id, type FROM directory.outbox
       WHERE type IN ('target-group.defined', 'product-type.defined') ORDER BY published_at, position`,
    );
    expect(rows.filter((row) => row.type === 'target-group.defined')).toHaveLength(25);
    expect(rows.filter((row) => row.type === 'product-type.defined')).toHaveLength(13);
    const pipelineFeed = new Set(await feedOf('pipeline'));
    expect(rows.filter((row) => !pipelineFeed.has(row.id))).toEqual([]);

    const answer = await get('/outbox/events', {
      ids: rows
        .slice(0, 100)
        .map((row) => row.id)
        .join(','),
    }).expect(200);
    expect(answer.body.items).toContainEqual(
      expect.objectContaining({
        type: 'target-group.defined',
        aggregate: { type: 'target-group', id: 'older-people', version: 1 },
        payload: { code: 'older-people', name: 'Äldre', nameEn: 'Older people', sectors: ['health', 'social'] },
      }),
    );
  });

  it('leaves out what a consumer does not subscribe to, and what was published more recently than asked', async () => {
    const feedback = await get('/outbox/published', { consumer: 'feedback' }).expect(200);
    expect(feedback.body.items).toEqual([]);
    const settled = await get('/outbox/published', { consumer: 'pipeline', olderThanMs: 3_600_000 });
    expect(settled.body.items).toEqual([]);
    expect(BigInt(settled.body.retainedFrom)).toBeLessThan(BigInt(Date.now()) * 1000n);
  });

  it('gives the envelopes of the events asked for', async () => {
    const ids = published.slice(0, 3);
    const answer = await get('/outbox/events', { ids: ids.join(',') }).expect(200);
    expect(answer.body.items.map((event: { id: string }) => event.id)).toEqual(ids);
    expect(answer.body.items[0]).toMatchObject({ producer: 'directory', payload: expect.any(Object) });
  });

  it.each([
    ['consumer', { consumer: 'nobody' }],
    ['after', { consumer: 'needs', after: 'yesterday' }],
    ['limit', { consumer: 'needs', limit: 0 }],
    ['olderThanMs', { consumer: 'needs', olderThanMs: -1 }],
  ])('refuses a bad %s on the published list, naming it', async (field, query) => {
    const answer = await get('/outbox/published', query).expect(400);
    expect(answer.type).toBe('application/problem+json');
    expect(answer.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it.each([
    ['not a uuid', 'not-a-uuid'],
    ['too many', Array.from({ length: 101 }, () => '0c6e4a52-6f3c-4c8a-9d5e-2f1b7a3c9e10').join(',')],
  ])('refuses ids that are %s, naming the field', async (_, ids) => {
    const answer = await get('/outbox/events', { ids }).expect(400);
    expect(answer.type).toBe('application/problem+json');
    expect(answer.body.errors.map((error: { field: string }) => error.field)).toContain('ids');
  });
});
