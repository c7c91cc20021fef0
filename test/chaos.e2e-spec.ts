import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import request from 'supertest';
import { ConsumerName, EventType, subscribersOf } from '@styrkedjan/contracts';
import { SERVICE_NAMES } from '@styrkedjan/platform';
import { eventually, PrivatePostgres, PrivateRedis, TestSystem } from '@styrkedjan/testing';

/**
 * The queue loses its data, PostgreSQL restarts, processes die, replicas race: every event committed in
 * an outbox must still reach every subscriber and be applied once. The system runs as separate
 * processes on a PostgreSQL of this suite's own and, when REDIS_URL says the queues are on Redis, a
 * redis-server of its own (never the shared ones: this suite stops, flushes and restarts them). Without
 * REDIS_URL the queues run on PostgreSQL and the rows that apply there run instead. Each row counts:
 * deliveries committed (an event times each consumer subscribed to it), applied (in the consumer's
 * processed_events), lost, and effects doubled (event-log entries, notifications beyond one per follower).
 */
const BACKEND: 'redis' | 'postgres' = process.env.REDIS_URL ? 'redis' : 'postgres';
// Reconciliation at test speed: an event the queue lost is compared for after a second, every second.
const RECONCILE_ENV = { RECONCILE_INTERVAL_MS: '1000', RECONCILE_GRACE_MS: '1000' };
const RECOVERY_MS = 45_000;
const AREA = 'social.older-care';
const PRODUCERS_WRITTEN = ['needs', 'supports', 'feedback'] as const;
const CONSUMERS: ConsumerName[] = ['needs', 'supports', 'feedback', 'notifications', 'pipeline'];

interface Tally {
  events: number;
  committed: number;
  applied: number;
  lost: number;
  doubled: number;
  notifications: number;
  notificationsExpected: number;
}
type Marks = Record<(typeof PRODUCERS_WRITTEN)[number], number>;

describe(`chaos (queues on ${BACKEND})`, () => {
  let postgres: PrivatePostgres;
  let redis: PrivateRedis | null = null;
  let system: TestSystem;
  let api: ReturnType<typeof request>;
  // The suite's own connections: they outlive a PostgreSQL restart, where the harness's single client does not.
  let db: Pool;
  let socialstyrelsen: string;
  let stockholm: string;
  let followers: string[];
  const table: (Tally & { row: string; recoveredMs: number })[] = [];

  const as = (organisationId: string) =>
    system.as(organisationId, organisationId === socialstyrelsen ? 'agency_editor' : 'municipality');

  beforeAll(async () => {
    postgres = await PrivatePostgres.start();
    if (BACKEND === 'redis') redis = await PrivateRedis.start();
    system = await TestSystem.start({ databaseUrl: postgres.url, redisUrl: redis?.url ?? null, env: RECONCILE_ENV });
    system.db.on('error', () => undefined);
    // The harness's own queues lose Redis when a row stops it, as the services do: expected, not news.
    for (const consumer of CONSUMERS) system.queue(consumer).on('error', () => undefined);
    db = new Pool({ connectionString: system.databaseUrl, max: 3 });
    db.on('error', () => undefined);
    api = request(system.url);
    socialstyrelsen = await system.organisationId('agency', 'SOS');
    stockholm = await system.organisationId('municipality', '0180');
    followers = await system.municipalitiesFollowing('03', AREA); // Uppsala län
    expect(followers.length).toBeGreaterThan(5);
    await system.drained();
  });

  afterAll(async () => {
    if (table.length) {
      const lines = table.map(
        (r) =>
          `| ${r.row} | ${BACKEND} | ${r.committed} (${r.events} events) | ${r.applied} | ${r.lost} | ${r.doubled} | ${(r.recoveredMs / 1000).toFixed(1)} s |`,
      );
      console.log(`chaos rows, queues on ${BACKEND}:\n${lines.join('\n')}`);
    }
    await system?.stop();
    await db?.end();
    await redis?.stop();
    await postgres?.stop();
  });

  // --- the rows: each a test whose failure carries what the services printed

  const row = (name: string, run: () => Promise<void>, timeoutMs?: number) =>
    it(name, () => withOutput(run), timeoutMs);

  if (BACKEND === 'redis') {
    row('Redis flushed with jobs waiting: every effect arrives once', async () => {
      await wipedWhileWaiting('Redis flushed with jobs waiting');
    });

    row('Redis stopped mid-flow, then started empty: writes keep succeeding, every effect arrives once', async () => {
      // The pipeline made slow, so that jobs are waiting in its queue when Redis goes.
      const unslow = await addTrigger('chaos_slow', 'BEFORE INSERT', 'pipeline.event_log', 'PERFORM pg_sleep(0.05);');
      const marks = await mark();
      const writer = writeContinuously('Mitt i flödet');
      await eventually(async () => {
        expect(writer.created).toBeGreaterThan(5);
        expect((await system.queue('pipeline').getJobCounts('waiting')).waiting).toBeGreaterThan(0);
      });
      await redis!.kill();
      const createdWhileDown = writer.created;
      await eventually(() => expect(writer.created).toBeGreaterThan(createdWhileDown + 5));
      await redis!.resume();
      const backAt = Date.now();
      const createdAfter = writer.created;
      await eventually(() => expect(writer.created).toBeGreaterThan(createdAfter + 5));
      await writer.stop();
      expect(writer.refused).toEqual([]);
      expect(writer.unavailable).toBe(0);
      await unslow();
      await expectEverythingApplied('Redis stopped mid-flow, started empty', marks, backAt);
      expect(system.logs.get('pipeline')!.join('')).toMatch(/re-drove \d+ events from needs/);
    });

    row('Redis stopped for a while: the API accepts writes into the outbox and health says degraded', async () => {
      const marks = await mark();
      await redis!.kill();
      for (let i = 0; i < 8; i++) await identifyNeed(`Utan kö ${i}`).expect(201);
      await publishSupport('Utan kö');
      const held = await db.query(
        'SELECT count(*)::int AS n FROM needs.outbox WHERE position > $1 AND published_at IS NULL',
        [marks.needs],
      );
      expect(held.rows[0].n).toBe(8);
      const gateway = await api.get('/health/ready').expect(200);
      expect(gateway.body.status).toBe('degraded');
      expect(gateway.body.checks.queues).toMatch(/^down/);
      for (const name of CONSUMERS) {
        const service = await request(system.serviceUrl(name)).get('/health/ready').expect(200);
        expect(service.body).toMatchObject({ status: 'degraded', checks: { postgres: 'up' } });
        expect(gateway.body.checks[name]).toBe('degraded');
      }
      await redis!.resume();
      const backAt = Date.now();
      await expectEverythingApplied('Redis stopped for a while (writes accepted, health degraded)', marks, backAt);
      await eventually(async () => expect((await api.get('/health/ready').expect(200)).body.status).toBe('ok'));
    });
  } else {
    row('the bullmq schema truncated with jobs waiting: every effect arrives once', async () => {
      await wipedWhileWaiting('bullmq schema truncated with jobs waiting');
    });
  }

  row('a dead letter survives the queue losing its data: offered again, applied once its cause is fixed', async () => {
    const operator = system.as(system.operatorOrganisationId, 'platform_operator');
    // The cause: the inbox refuses rows for one title, as a broken constraint or a full disk would.
    const cure = await addTrigger(
      'chaos_refuse_poison',
      'BEFORE INSERT',
      'notifications.notifications',
      "IF NEW.title LIKE '%Giftig%' THEN RAISE EXCEPTION 'inbox refuses this row'; END IF;",
    );
    const marks = await mark();
    const supportId = await publishSupport('Giftig när kön töms');
    const deadLetter = () =>
      eventually(async () => {
        const letters = await api.get('/admin/dead-letters').set(operator).expect(200);
        const found = letters.body.items.find(
          (item: { consumer: string; event: { payload: { supportId?: string } } }) =>
            item.consumer === 'notifications' && item.event.payload.supportId === supportId,
        );
        expect(found).toBeDefined();
        return found as { id: string };
      });
    await deadLetter();
    await eventually(async () => {
      const watched = await db.query('SELECT count(*)::int AS n FROM notifications.reconciliation_dead_letters');
      expect(watched.rows[0].n).toBe(1);
    });
    await wipeQueues();
    const listed = await api.get('/admin/dead-letters').set(operator).expect(200);
    expect(listed.body.items).toEqual([]);
    const letter = await deadLetter(); // offered again by reconciliation, and refused again
    await cure();
    await api
      .post(`/admin/dead-letters/${encodeURIComponent(letter.id)}/retry`)
      .set(operator)
      .expect(200);
    await expectEverythingApplied('a dead letter, after the queue lost its data', marks, Date.now());
    expect(system.logs.get('notifications')!.join('')).toMatch(/re-drove 1 events from supports/);
    await eventually(async () => {
      const watched = await db.query('SELECT count(*)::int AS n FROM notifications.reconciliation_dead_letters');
      expect(watched.rows[0].n).toBe(0);
    });
  });

  row('a consumer SIGKILLed mid-batch: every effect arrives once', async () => {
    const marks = await mark();
    const writes = Array.from({ length: 60 }, (_, i) => i);
    const writing = inParallel(writes, 6, async (i) => {
      await identifyNeed(`Mitt i satsen ${i}`).expect(201);
    });
    // The pipeline takes what is waiting as one batch: kill it while it holds jobs.
    await eventually(
      async () => {
        const counts = await system.queue('pipeline').getJobCounts('active');
        expect(counts.active).toBeGreaterThan(0);
      },
      { intervalMs: 5 },
    );
    await system.stopService('pipeline', 'SIGKILL');
    await writing;
    await system.startService('pipeline');
    await expectEverythingApplied('a consumer SIGKILLed mid-batch (the pipeline)', marks, Date.now());
  });

  row('the relay SIGKILLed between enqueue and mark: every effect arrives once', async () => {
    // The mark waits (as a slow commit would) until the relay is killed; the queue has the events by then.
    const release = await addTrigger('chaos_hold_mark', 'BEFORE UPDATE', 'needs.outbox', 'PERFORM pg_sleep(600);');
    const marks = await mark();
    const titles = Array.from({ length: 5 }, (_, i) => `Mellan kö och markering ${i}`);
    for (const title of titles) await identifyNeed(title).expect(201);
    // The relay's first batch reached the consumers; it and the rows after it wait for their mark.
    await eventually(async () => {
      const logged = await db.query(
        "SELECT count(*)::int AS n FROM pipeline.event_log WHERE type = 'need.identified' AND envelope->'payload'->>'title' = ANY($1)",
        [titles],
      );
      expect(logged.rows[0].n).toBeGreaterThan(0);
    });
    const unmarked = await db.query(
      'SELECT count(*)::int AS n FROM needs.outbox WHERE position > $1 AND published_at IS NULL',
      [marks.needs],
    );
    expect(unmarked.rows[0].n).toBe(titles.length);

    await system.stopService('needs', 'SIGKILL');
    // PostgreSQL notices the dead client only when the sleep ends: end that session, then lift the hold.
    await db.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND datname = current_database()",
    );
    await release();
    await system.startService('needs');
    await eventually(async () => expect(await unpublished(marks)).toBe(0));
    await expectEverythingApplied('the relay SIGKILLed between enqueue and mark', marks, Date.now());
  });

  row(
    'PostgreSQL restarted during writes: 503 problem+json and never half a change; the services recover without a restart',
    async () => {
      const processes = SERVICE_NAMES.map((name) => system.processes.get(name)!);
      const marks = await mark();
      const writer = writeContinuously('Omstart');
      await eventually(() => expect(writer.created).toBeGreaterThan(5));
      await postgres.halt();
      await eventually(() => expect(writer.unavailable).toBeGreaterThan(0));
      await postgres.resume();
      const backAt = Date.now();
      const createdAfter = writer.created;
      await eventually(() => expect(writer.created).toBeGreaterThan(createdAfter + 5), { timeoutMs: RECOVERY_MS });
      await writer.stop();

      expect({ refused: writer.refused, output: writer.refused.length ? system.output() : '' }).toEqual({
        refused: [],
        output: '',
      });
      expect(writer.unavailable).toBeGreaterThan(0);
      // Each write either happened whole (the need and its event) or not at all; retried with its key, each once.
      const needs = await db.query("SELECT id FROM needs.needs WHERE title LIKE 'Omstart %'");
      const events = await db.query(
        "SELECT envelope->'payload'->>'needId' AS id FROM needs.outbox WHERE type = 'need.identified' AND envelope->'payload'->>'title' LIKE 'Omstart %'",
      );
      expect(needs.rows.length).toBe(writer.created);
      expect(events.rows.map((row) => row.id).sort()).toEqual(needs.rows.map((row) => row.id).sort());
      await expectEverythingApplied('PostgreSQL restarted during writes', marks, backAt);
      for (const child of processes) expect(child.exitCode).toBeNull();
      for (const name of SERVICE_NAMES) {
        await eventually(async () => {
          const ready = await request(system.serviceUrl(name)).get('/health/ready');
          expect(ready.body.status).toBe('ok');
        });
      }
    },
  );

  row(
    'two replicas of every consuming service and two relays at once, under load: each row published once, no effect doubled',
    async () => {
      await db.query('CREATE TABLE IF NOT EXISTS public.chaos_publications (event_id uuid NOT NULL, at timestamptz)');
      for (const producer of PRODUCERS_WRITTEN) {
        await addTrigger(
          'chaos_count_publication',
          'AFTER UPDATE OF published_at',
          `${producer}.outbox`,
          'INSERT INTO public.chaos_publications VALUES (NEW.event_id, NEW.published_at);',
        );
      }
      await Promise.all(CONSUMERS.map((name) => system.startReplica(name)));
      const marks = await mark();
      await inParallel(
        Array.from({ length: 48 }, (_, i) => i),
        8,
        async (i) => {
          if (i % 8 === 0) await publishSupport(`Två av varje ${i}`);
          else await identifyNeed(`Två av varje ${i}`).expect(201);
        },
      );
      const result = await expectEverythingApplied(
        'two replicas of every consumer and two relays, under load',
        marks,
        Date.now(),
      );
      const ids = (await committedSince(marks)).map((event) => event.id);
      const published = await db.query(
        'SELECT event_id, count(*)::int AS n FROM public.chaos_publications WHERE event_id = ANY($1::uuid[]) GROUP BY event_id',
        [ids],
      );
      expect(published.rows.length).toBe(result.events);
      expect(published.rows.filter((row) => row.n !== 1)).toEqual([]);
      await system.stopReplicas();
    },
    240_000,
  );

  // --- what the rows share

  /** Stops two consumers, commits events for them, wipes the queues while their jobs wait, starts them again. */
  async function wipedWhileWaiting(row: string): Promise<void> {
    await system.stopService('notifications');
    await system.stopService('pipeline');
    const marks = await mark();
    for (let i = 0; i < 4; i++) await publishSupport(`Tömd kö ${i}`);
    for (let i = 0; i < 6; i++) await identifyNeed(`Tömd kö ${i}`).expect(201);
    await eventually(async () => {
      expect(await unpublished(marks)).toBe(0);
      expect((await system.queue('notifications').getJobCounts('waiting')).waiting).toBe(4);
    });
    await wipeQueues();
    const after = await system.queue('pipeline').getJobCounts('waiting', 'active', 'delayed', 'completed');
    expect(Object.values(after).every((n) => n === 0)).toBe(true);
    const wipedAt = Date.now();
    await system.startService('notifications');
    await system.startService('pipeline');
    await expectEverythingApplied(row, marks, wipedAt);
    expect(system.logs.get('notifications')!.join('')).toMatch(/re-drove \d+ events from supports/);
  }

  /** Runs a row; if it fails, the failure says what the services printed. */
  async function withOutput(row: () => Promise<void>): Promise<void> {
    try {
      await row();
    } catch (error) {
      const replicas = system.replicas.map(({ name, log }) => `--- ${name} replica\n${log.join('').slice(-4000)}`);
      (error as Error).message = [(error as Error).message, system.output(), ...replicas].join('\n');
      throw error;
    }
  }

  /** Waits until every delivery since the marks is applied, asserts it once and no effect doubled, and records the row. */
  async function expectEverythingApplied(row: string, marks: Marks, since: number): Promise<Tally> {
    const result = await eventually(
      async () => {
        const now = await tally(marks);
        expect(now).toMatchObject({ lost: 0, doubled: 0, notifications: now.notificationsExpected });
        return now;
      },
      { timeoutMs: RECOVERY_MS, intervalMs: 200 },
    );
    expect(result.committed).toBeGreaterThan(0);
    expect(result.applied).toBe(result.committed);
    table.push({ row, ...result, recoveredMs: Date.now() - since });
    return result;
  }

  async function mark(): Promise<Marks> {
    const marks = {} as Marks;
    for (const producer of PRODUCERS_WRITTEN) {
      const { rows } = await db.query(`SELECT coalesce(max(position), 0)::bigint AS p FROM ${producer}.outbox`);
      marks[producer] = Number(rows[0].p);
    }
    return marks;
  }

  async function unpublished(marks: Marks): Promise<number> {
    let n = 0;
    for (const producer of PRODUCERS_WRITTEN) {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM ${producer}.outbox WHERE position > $1 AND published_at IS NULL`,
        [marks[producer]],
      );
      n += rows[0].n;
    }
    return n;
  }

  async function committedSince(marks: Marks): Promise<{ id: string; type: EventType }[]> {
    const events: { id: string; type: EventType }[] = [];
    for (const producer of PRODUCERS_WRITTEN) {
      const { rows } = await db.query(`SELECT event_id::text AS id, type FROM ${producer}.outbox WHERE position > $1`, [
        marks[producer],
      ]);
      events.push(...rows);
    }
    return events;
  }

  /** Every event committed since the marks, times each consumer of its type, against what the consumers hold. */
  async function tally(marks: Marks): Promise<Tally> {
    const events = await committedSince(marks);
    let committed = 0;
    let applied = 0;
    for (const consumer of CONSUMERS) {
      const ids = events.filter((event) => subscribersOf(event.type).includes(consumer)).map((event) => event.id);
      committed += ids.length;
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM ${consumer}.processed_events WHERE event_id = ANY($1::uuid[])`,
        [ids],
      );
      applied += rows[0].n;
    }
    const ids = events.map((event) => event.id);
    const logged = await db.query(
      'SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS distinct FROM pipeline.event_log WHERE event_id = ANY($1::uuid[])',
      [ids],
    );
    const published = events.filter((event) => event.type === 'support.published').map((event) => event.id);
    const notified = await db.query(
      'SELECT count(*)::int AS n, count(DISTINCT (organisation_id, event_id))::int AS distinct FROM notifications.notifications WHERE event_id = ANY($1::uuid[])',
      [published],
    );
    return {
      events: events.length,
      committed,
      applied,
      lost: committed - applied,
      doubled: logged.rows[0].n - logged.rows[0].distinct + notified.rows[0].n - notified.rows[0].distinct,
      notifications: notified.rows[0].n,
      notificationsExpected: published.length * followers.length,
    };
  }

  function identifyNeed(title: string, key: string = randomUUID()) {
    return api
      .post('/needs')
      .set(as(stockholm))
      .set('Idempotency-Key', key)
      .send({ title, description: '', areaCode: AREA, targetGroups: ['older-people'] });
  }

  const publishSupport = (title: string) => system.publishSupport(socialstyrelsen, AREA, title);

  /**
   * Two clients registering needs until stopped, as a real one would: a 503 is retried with the same
   * Idempotency-Key after its Retry-After, anything else but 201 is kept to fail the test with.
   */
  function writeContinuously(prefix: string) {
    const state = { created: 0, unavailable: 0, refused: [] as string[], writing: true };
    const client = async (n: number) => {
      for (let i = 0; state.writing; i++) {
        const key = randomUUID();
        for (;;) {
          const response = await identifyNeed(`${prefix} ${n}-${i}`, key);
          if (response.status === 201) {
            state.created += 1;
            break;
          }
          if (response.status === 503 && response.type === 'application/problem+json') {
            state.unavailable += 1;
            await pause(Number(response.headers['retry-after'] ?? 1) * 250);
            continue;
          }
          state.refused.push(`${response.status} ${response.text}`);
          break;
        }
      }
    };
    const clients = [client(0), client(1)];
    return Object.assign(state, {
      stop: async () => {
        state.writing = false;
        await Promise.all(clients);
      },
    });
  }

  /**
   * Makes a table misbehave, as a slow disk, a broken constraint or a commit that hangs would: a row trigger
   * running `body`. Returns what takes it away again.
   */
  async function addTrigger(name: string, when: string, table: string, body: string): Promise<() => Promise<void>> {
    const fn = `${table.split('.')[0]}.${name}`;
    await db.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} RETURN NEW; END $$`);
    await db.query(`CREATE TRIGGER ${name} ${when} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    return async () => {
      await db.query(`DROP TRIGGER ${name} ON ${table}`);
      await db.query(`DROP FUNCTION ${fn}()`);
    };
  }

  /** What an operator's mistake or a failover does: Redis flushed, or every table of the bullmq schema emptied. */
  async function wipeQueues(): Promise<void> {
    if (redis) {
      await redis.flushAll();
      return;
    }
    // Its migration ledger stays: the schema is there, only its contents are gone.
    const { rows } = await db.query(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'bullmq' AND tablename <> 'migration'",
    );
    await db.query(`TRUNCATE ${rows.map((row) => `bullmq."${row.tablename}"`).join(', ')} CASCADE`);
  }
});

async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

/** A client's wait before a retry, as Retry-After asks (shortened: the suite's outages are short). */
function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
