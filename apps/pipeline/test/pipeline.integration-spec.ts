import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import request from 'supertest';
import { EVENT_CATALOGUE, type EventOf, type EventType, type PayloadOf } from '@styrkedjan/contracts';
import { eventually, TestSystem, UNCLASSIFIED_DRAFT, UNCLASSIFIED_PUBLICATION } from '@styrkedjan/testing';

/**
 * The built pipeline service (`dist/`, so build first) as its own process on a database and queue prefix
 * of its own, against real PostgreSQL and Redis: events go in through its BullMQ queue as the relays
 * would put them, answers come out over HTTP and from its tables.
 */
describe('pipeline service (integration)', () => {
  const REPLAY = join(__dirname, '..', '..', '..', 'dist', 'apps', 'pipeline', 'src', 'replay.js');
  let system: TestSystem;
  let db: TestSystem['db'];
  let queue: ReturnType<TestSystem['queue']>;
  let http: ReturnType<typeof request>;
  // Straight to the service, as the gateway would pass the request on (with its assertion).
  const get = (target: string) => http.get(target).set(system.assertion('pipeline', 'GET', target));

  const AREA = 'health.primary-care';
  const stockholm = randomUUID();
  const malmo = randomUUID();
  const socialstyrelsen = randomUUID();
  const need1 = randomUUID();
  const need2 = randomUUID();
  const support1 = randomUUID();
  const support2 = randomUUID();

  beforeAll(async () => {
    system = await TestSystem.start({
      services: ['pipeline'],
      seed: false,
      env: { CONSUMER_CONCURRENCY: '16', CONSUMER_BACKOFF_MS: '50' },
    });
    db = system.db;
    await db.query('SET search_path = pipeline');
    queue = system.queue('pipeline');
    http = request(system.serviceUrl('pipeline'));
  });

  afterAll(async () => {
    await system?.stop();
  });

  let clock = Date.parse('2026-02-01T08:00:00.000Z');
  const tick = () => new Date((clock += 60_000)).toISOString();

  function envelope<T extends EventType>(
    type: T,
    aggregate: { type: string; id: string; version: number },
    payload: PayloadOf<T>,
  ): EventOf<T> {
    return {
      id: randomUUID(),
      type,
      version: EVENT_CATALOGUE[type].version,
      occurredAt: tick(),
      producer: 'test',
      actor: { organisationId: stockholm, userId: null, method: 'organisation-header' },
      correlationId: randomUUID(),
      causationId: null,
      aggregate,
      payload,
    };
  }

  const identified = (
    needId: string,
    organisationId: string,
    title: string,
    sector: 'health' | 'education' = 'health',
    areaCode = AREA,
  ) =>
    envelope(
      'need.identified',
      { type: 'need', id: needId, version: 1 },
      {
        needId,
        organisationId,
        title,
        description: 'lång text som inte behövs i pipelinen',
        areaCode,
        sector,
        targetGroups: ['older-people'],
        note: null,
        identifiedAt: tick(),
      },
    );
  const drafted = (supportId: string, needIds: string[], title = 'Utkast', version = 1) =>
    envelope(
      'support.drafted',
      { type: 'support', id: supportId, version },
      {
        supportId,
        leadAgencyId: socialstyrelsen,
        coProducerIds: [],
        title,
        summary: '',
        areaCode: AREA,
        sector: 'health',
        answersNeeds: needIds.map((needId) => ({ needId, organisationId: stockholm })),
        plannedReleaseDate: null,
        draftedAt: tick(),
        ...UNCLASSIFIED_DRAFT,
      },
    );
  const published = (supportId: string, needIds: string[], title = 'Publicerad') =>
    envelope(
      'support.published',
      { type: 'support', id: supportId, version: 2 },
      {
        supportId,
        leadAgencyId: socialstyrelsen,
        title,
        areaCode: AREA,
        sector: 'health',
        answersNeeds: needIds.map((needId) => ({ needId, organisationId: stockholm })),
        publishedAt: tick(),
        ...UNCLASSIFIED_PUBLICATION,
      },
    );
  const feedback = (supportId: string) => {
    const feedbackId = randomUUID();
    return envelope(
      'feedback.received',
      { type: 'feedback', id: feedbackId, version: 1 },
      {
        feedbackId,
        supportId,
        leadAgencyId: socialstyrelsen,
        supportTitle: 'Publicerad',
        organisationId: stockholm,
        usefulness: 4,
        applicationStatus: 'applied',
        comment: '',
        receivedAt: tick(),
      },
    );
  };

  /** GET /pipeline's need counts: every stage, zero unless given, and the two earlier names beside theirs. */
  const needCounts = (counts: Record<string, number> = {}) => {
    const all = {
      identified: 0,
      underReview: 0,
      accepted: 0,
      declined: 0,
      deferred: 0,
      merged: 0,
      beingAddressed: 0,
      answered: 0,
      ...counts,
    };
    return { ...all, addressedByDraft: all.beingAddressed, addressed: all.answered };
  };

  type Delivered = { id: string; type: string };
  const logged = async (ids: string[]): Promise<number> =>
    (await db.query('SELECT count(*)::int AS n FROM event_log WHERE event_id = ANY($1::uuid[])', [ids])).rows[0].n;

  /** Puts events on the queue (as a relay would: job id = event id) and waits until all are in the log. */
  async function deliver(
    events: Delivered[],
    jobId: (event: Delivered) => string = (event) => event.id,
  ): Promise<void> {
    await queue.addBulk(
      events.map((event) => ({ name: event.type, data: event, opts: { jobId: jobId(event), attempts: 5 } })),
    );
    const ids = [...new Set(events.map((event) => event.id))];
    await eventually(async () => expect(await logged(ids)).toBe(ids.length));
  }

  /** One at a time, each waited for: the order of arrival is the test's to choose. */
  async function deliverInOrder(events: Delivered[]): Promise<void> {
    for (const event of events) await deliver([event]);
  }

  async function drained(): Promise<void> {
    await eventually(async () => {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      expect(Object.values(counts).reduce((sum, n) => sum + n, 0)).toBe(0);
    });
  }

  async function tables(): Promise<Record<string, string[]>> {
    const state: Record<string, string[]> = {};
    for (const table of ['pipeline_needs', 'pipeline_supports', 'pipeline_support_needs', 'pipeline_stage_counts']) {
      const { rows } = await db.query(`SELECT * FROM ${table}`);
      state[table] = rows.map((row) => JSON.stringify(row)).sort();
    }
    return state;
  }

  const replay = (args: string[]) => system.run(REPLAY, args);

  it('builds the pipeline from events arriving out of order, and ignores a redelivery', async () => {
    const area = envelope(
      'area.defined',
      { type: 'area', id: AREA, version: 1 },
      { code: AREA, sector: 'health', name: 'Primärvård', nameEn: null },
    );
    const n1 = identified(need1, stockholm, 'Depression hos äldre');
    const n2 = identified(need2, malmo, 'Ensamhet');
    const d1 = drafted(support1, [need1]);
    const p1 = published(support1, [need1, need2]);
    const f1 = feedback(support1);
    const d2 = drafted(support2, [need2], 'Andra stödet');
    // Publication before the draft, feedback before publication, a draft naming a need not identified yet.
    await deliverInOrder([area, p1, f1, d2, d1, n2, n1]);
    // The same event again under other job ids, so only the consumer's idempotency can stop it.
    await queue.addBulk([1, 2].map((n) => ({ name: p1.type, data: p1, opts: { jobId: `${p1.id}-again-${n}` } })));
    await drained();
    expect(await logged([p1.id])).toBe(1);

    const pipeline = await get(`/pipeline?areaCode=${AREA}`).expect(200);
    expect(pipeline.body.filter).toEqual({ areaCode: AREA, sector: null });
    expect(pipeline.body.counts).toEqual({
      needs: needCounts({ answered: 2 }),
      supports: {
        draft: 1,
        inConsultation: 0,
        consultationClosed: 0,
        published: 0,
        withFeedback: 1,
        revised: 0,
        withdrawn: 0,
      },
    });
    expect(pipeline.body.needs.items.map((n: { id: string }) => n.id)).toEqual([need2, need1]); // newest identified first
    expect(pipeline.body.needs.items[1]).toEqual({
      id: need1,
      title: 'Depression hos äldre',
      areaCode: AREA,
      sector: 'health',
      organisationId: stockholm,
      stage: 'answered',
      identifiedAt: n1.payload.identifiedAt,
      draftedAt: d1.payload.draftedAt,
      publishedAt: p1.payload.publishedAt,
    });
    const first = pipeline.body.supports.items.find((s: { id: string }) => s.id === support1);
    expect(first).toEqual({
      id: support1,
      title: 'Publicerad',
      areaCode: AREA,
      sector: 'health',
      leadAgencyId: socialstyrelsen,
      stage: 'with_feedback',
      draftedAt: d1.payload.draftedAt,
      publishedAt: p1.payload.publishedAt,
      firstFeedbackAt: f1.payload.receivedAt,
      feedbackCount: 1,
      consultationOpenedAt: null,
      consultationClosedAt: null,
      revisedAt: null,
      withdrawnAt: null,
      needIds: [need1, need2].sort(),
    });

    const education = await get('/pipeline?sector=education').expect(200);
    expect(education.body.counts.needs).toEqual(needCounts());
    expect(education.body.needs.items).toEqual([]);
  });

  it('counts needs by the stage of their own latest event, whatever order the transitions arrive in', async () => {
    const needId = randomUUID();
    const transition = <T extends 'need.endorsed' | 'need.triaged'>(type: T, version: number, payload: PayloadOf<T>) =>
      envelope(type, { type: 'need', id: needId, version }, payload);
    const n = identified(needId, malmo, 'Stöd till anhöriga', 'education', 'education.compulsory-school');
    const endorsedEvent = transition('need.endorsed', 2, {
      needId,
      organisationId: stockholm,
      comment: null,
      localContext: null,
      reopensReview: false,
      stage: 'under-review',
      endorsedAt: tick(),
    });
    const triagedEvent = transition('need.triaged', 3, {
      needId,
      decision: 'accepted',
      rationale: 'Nationellt behov',
      leadAgencyId: socialstyrelsen,
      declineReason: null,
      existingSupportId: null,
      duplicateOfNeedId: null,
      reviewOn: null,
      stage: 'accepted',
      stakeholders: [{ organisationId: malmo, role: 'submitter' }],
      triagedAt: tick(),
    });
    await deliverInOrder([triagedEvent, n, endorsedEvent]);
    const education = await get('/pipeline?sector=education').expect(200);
    expect(education.body.counts.needs).toEqual(needCounts({ accepted: 1 }));
    expect(education.body.needs.items).toEqual([expect.objectContaining({ id: needId, stage: 'accepted' })]);
  });

  it('pages both lists with their own cursors, newest first', async () => {
    const page1 = await get(`/pipeline?areaCode=${AREA}&limit=1`).expect(200);
    expect(page1.body.needs.items.map((n: { id: string }) => n.id)).toEqual([need2]);
    expect(page1.body.supports.items).toHaveLength(1);
    const page2 = await get(
      `/pipeline?areaCode=${AREA}&limit=1&needsCursor=${page1.body.needs.nextCursor}&supportsCursor=${page1.body.supports.nextCursor}`,
    ).expect(200);
    expect(page2.body.needs.items.map((n: { id: string }) => n.id)).toEqual([need1]);
    expect(page2.body.needs.nextCursor).toBeNull();
    expect(page2.body.supports.items[0].id).not.toBe(page1.body.supports.items[0].id);
    expect(page2.body.supports.nextCursor).toBeNull();
  });

  it('rejects bad pipeline queries with problem details naming the field', async () => {
    const sector = await get('/pipeline?sector=space')
      .expect(400)
      .expect('content-type', /application\/problem\+json/);
    expect(sector.body.errors).toContainEqual(expect.objectContaining({ field: 'sector' }));
    const area = await get(`/pipeline?areaCode=${'x'.repeat(61)}`).expect(400);
    expect(area.body.errors).toContainEqual(expect.objectContaining({ field: 'areaCode' }));
    const cursor = await get('/pipeline?needsCursor=not-a-cursor').expect(400);
    expect(cursor.body.errors).toEqual([expect.objectContaining({ field: 'needsCursor' })]);
    const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
    await get(`/pipeline?supportsCursor=${forged}`).expect(400);
    await get('/pipeline?limit=0').expect(400);
    await get('/pipeline?unknown=1').expect(400);
  });

  it('serves the audit trail in position order, filtered and paged', async () => {
    const all = await get('/events?limit=1000').expect(200);
    const positions = all.body.items.map((e: { position: number }) => e.position);
    expect(positions).toEqual(positions.map((_: number, i: number) => i + 1));
    expect(all.body.nextAfter).toBeNull();
    expect(all.body.items[0]).toMatchObject({
      position: 1,
      type: 'area.defined',
      producer: 'test',
      payload: { code: AREA },
    });
    expect(all.body.items.map((e: { type: string }) => e.type)).toContain('need.identified');

    const page = await get('/events?after=2&limit=2').expect(200);
    expect(page.body.items.map((e: { position: number }) => e.position)).toEqual([3, 4]);
    expect(page.body.nextAfter).toBe(4);

    const byType = await get('/events?type=support.drafted').expect(200);
    expect(byType.body.items.map((e: { payload: { supportId: string } }) => e.payload.supportId).sort()).toEqual(
      [support1, support2].sort(),
    );
    const byAggregate = await get(`/events?aggregateId=${support1}`).expect(200);
    expect(byAggregate.body.items.map((e: { type: string }) => e.type)).toEqual([
      'support.published',
      'support.drafted',
    ]);

    for (const bad of [
      'limit=100000',
      'limit=0',
      'after=-1',
      'after=abc',
      'after=1.5',
      'type=no.such',
      `aggregateId=${'x'.repeat(101)}`,
    ]) {
      await get(`/events?${bad}`).expect(400);
    }
  });

  it('refuses to edit the audit trail', async () => {
    await expect(db.query("UPDATE event_log SET type = 'x' WHERE position = 1")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM event_log WHERE position = 1')).rejects.toThrow(/append-only/);
  });

  it('never lets a reader paging with after= skip an event committed concurrently', async () => {
    const start: number = (await db.query('SELECT max(position)::int AS start FROM event_log')).rows[0].start;
    const needs = Array.from({ length: 60 }, () => randomUUID());
    const supports = Array.from({ length: 30 }, () => randomUUID());
    const events = [
      ...needs.map((id, i) =>
        identified(
          id,
          i % 2 ? stockholm : malmo,
          `Behov ${i}`,
          i % 3 ? 'health' : 'education',
          i % 3 ? AREA : 'education.compulsory-school',
        ),
      ),
      ...supports.map((id, i) => drafted(id, [needs[i * 2]])),
      ...supports.map((id, i) => published(id, [needs[i * 2], needs[i * 2 + 1]])),
      ...supports.slice(0, 10).map((id) => feedback(id)),
    ].sort(() => Math.random() - 0.5);

    const seen: number[] = [];
    let writing = true;
    const reader = (async () => {
      let after = start;
      const deadline = Date.now() + 30_000;
      while ((writing || after < start + events.length) && Date.now() < deadline) {
        const page = await get(`/events?after=${after}&limit=7`).expect(200);
        for (const item of page.body.items) seen.push(item.position);
        if (page.body.items.length) after = page.body.items[page.body.items.length - 1].position;
      }
    })();
    // All at once: the worker runs 16 consumer transactions side by side, queueing on the position lock.
    await deliver(events);
    writing = false;
    await reader;
    expect(seen).toEqual(events.map((_, i) => start + i + 1));

    // The counts kept by deltas equal a recount of the rows.
    const { rows: counted } = await db.query(`
      SELECT 'need' AS item, CASE WHEN first_published_at IS NOT NULL THEN 'answered' WHEN first_drafted_at IS NOT NULL THEN 'being-addressed' ELSE coalesce(stage, 'identified') END AS stage, count(*)::int AS n
      FROM pipeline_needs WHERE identified_at IS NOT NULL GROUP BY 1, 2
      UNION ALL
      SELECT 'support', CASE WHEN feedback_count > 0 THEN 'with_feedback' WHEN published_at IS NOT NULL THEN 'published' ELSE 'draft' END, count(*)::int
      FROM pipeline_supports WHERE listed_at IS NOT NULL GROUP BY 1, 2`);
    const { rows: kept } = await db.query(
      'SELECT item, stage, sum(count)::int AS n FROM pipeline_stage_counts GROUP BY item, stage',
    );
    const key = (rows: { item: string; stage: string; n: number }[]) =>
      rows.map((r) => `${r.item}/${r.stage}=${r.n}`).sort();
    expect(key(kept)).toEqual(key(counted));
  });

  it('takes a burst in batches: each event logged once without gaps, a redelivery a no-op, a failing event alone', async () => {
    const start: number = (await db.query('SELECT max(position)::int AS start FROM event_log')).rows[0].start;
    // Already logged, but its processed record is gone: its append breaks the log's unique event id, so
    // any batch holding it fails, and it must fail alone while the rest of its batch goes through.
    const poisoned = identified(randomUUID(), stockholm, 'Redan loggad');
    await deliver([poisoned]);
    await db.query('DELETE FROM processed_events WHERE event_id = $1', [poisoned.id]);
    const burst = Array.from({ length: 200 }, (_, i) => identified(randomUUID(), malmo, `Skur ${i}`));
    await queue.addBulk([
      ...burst.map((event) => ({ name: event.type, data: event, opts: { jobId: event.id, attempts: 5 } })),
      { name: poisoned.type, data: poisoned, opts: { jobId: `${poisoned.id}-again`, attempts: 1 } },
      ...burst
        .slice(0, 20)
        .map((event) => ({ name: event.type, data: event, opts: { jobId: `${event.id}-again`, attempts: 5 } })),
    ]);
    await drained();
    const { rows } = await db.query(
      'SELECT position::int, event_id, recorded_at FROM event_log WHERE position > $1 ORDER BY position',
      [start],
    );
    expect(rows.map((row) => row.position)).toEqual(Array.from({ length: 201 }, (_, i) => start + i + 1));
    expect(new Set(rows.map((row) => row.event_id))).toEqual(new Set([poisoned.id, ...burst.map((event) => event.id)]));
    // Several events committed in one transaction (recorded_at is its start time): the burst went in batches.
    const perTransaction = new Map<number, number>();
    for (const row of rows)
      perTransaction.set(row.recorded_at.getTime(), (perTransaction.get(row.recorded_at.getTime()) ?? 0) + 1);
    expect(Math.max(...perTransaction.values())).toBeGreaterThan(1);
    expect(await (await queue.getJob(`${poisoned.id}-again`))?.getState()).toBe('failed');
    const counts = await get('/pipeline?sector=health&limit=1').expect(200);
    expect(counts.body.counts.needs.identified).toBeGreaterThanOrEqual(201);
  });

  it('shows a support through consultation, publication, revision and withdrawal, and its need reopened', async () => {
    const needId = randomUUID();
    const supportId = randomUUID();
    const consultationId = randomUUID();
    const round = {
      consultationId,
      supportId,
      supportTitle: 'Remissutgåva',
      leadAgencyId: socialstyrelsen,
      edition: '1.0',
    };
    const n = identified(needId, stockholm, 'Vård i livets slutskede');
    const d = drafted(supportId, [needId], 'Livscykel');
    const opened = envelope(
      'consultation.opened',
      { type: 'consultation', id: consultationId, version: 1 },
      {
        ...round,
        areaCode: AREA,
        consulteeIds: [stockholm, malmo],
        questions: [],
        sections: [],
        documentUrl: null,
        closesAt: tick(),
        openedAt: tick(),
      },
    );
    const closed = envelope(
      'consultation.closed',
      { type: 'consultation', id: consultationId, version: 2 },
      {
        ...round,
        early: true,
        respondents: [{ organisationId: stockholm, commentCount: 1 }],
        nonRespondentIds: [malmo],
        responseRates: { byKind: [], byCounty: [] },
        commentCount: 1,
        closedAt: tick(),
      },
    );
    const p = published(supportId, [needId]);
    const answersNeeds = [{ needId, organisationId: stockholm }];
    const revised = envelope(
      'support.revised',
      { type: 'support', id: supportId, version: 4 },
      {
        summary: '',
        productType: null,
        targetGroups: [],
        audience: { organisationKinds: [], sectors: [], professions: [] },
        supportId,
        leadAgencyId: socialstyrelsen,
        title: 'Livscykel 1.1',
        areaCode: AREA,
        sector: 'health',
        answersNeeds,
        change: 'minor',
        changeNote: 'Förtydliganden',
        previousEdition: '1.0',
        edition: '1.1',
        revisedAt: tick(),
      },
    );
    const withdrawn = envelope(
      'support.withdrawn',
      { type: 'support', id: supportId, version: 5 },
      {
        supportId,
        leadAgencyId: socialstyrelsen,
        title: 'Livscykel 1.1',
        areaCode: AREA,
        sector: 'health',
        answersNeeds,
        reason: 'Ersatt',
        replacedBySupportId: null,
        edition: '1.1',
        withdrawnAt: tick(),
      },
    );
    const reopened = envelope(
      'need.reopened',
      { type: 'need', id: needId, version: 4 },
      {
        needId,
        supportId,
        supportTitle: 'Livscykel 1.1',
        leadAgencyId: socialstyrelsen,
        stage: 'accepted',
        stakeholders: [{ organisationId: stockholm, role: 'submitter' }],
        reason: 'Ersatt',
        reopenedAt: withdrawn.payload.withdrawnAt,
      },
    );
    const stageOf = async () =>
      (await get(`/pipeline?areaCode=${AREA}&limit=100`).expect(200)).body.supports.items.find(
        (s: { id: string }) => s.id === supportId,
      );
    await deliverInOrder([n, d, opened]);
    expect(await stageOf()).toMatchObject({ stage: 'in_consultation', consultationOpenedAt: opened.payload.openedAt });
    await deliverInOrder([closed]);
    expect(await stageOf()).toMatchObject({
      stage: 'consultation_closed',
      consultationClosedAt: closed.payload.closedAt,
    });
    // The withdrawal and the need's reopening before the revision they follow: the end is the same.
    await deliverInOrder([p, reopened, withdrawn, revised]);
    expect(await stageOf()).toMatchObject({
      stage: 'withdrawn',
      title: 'Livscykel 1.1',
      publishedAt: p.payload.publishedAt,
      revisedAt: revised.payload.revisedAt,
      withdrawnAt: withdrawn.payload.withdrawnAt,
    });
    const needs = (await get(`/pipeline?areaCode=${AREA}&limit=100`).expect(200)).body.needs.items;
    expect(needs.find((item: { id: string }) => item.id === needId)).toMatchObject({ stage: 'accepted' });
  });

  it('rebuilds from the log into exactly the state live processing reached', async () => {
    await drained();
    const live = await tables();
    expect(live.pipeline_needs.length).toBeGreaterThan(60);
    const { code, output: printed } = await replay(['pipeline']);
    expect(code).toBe(0);
    const summary = JSON.parse(printed.trim().split('\n').pop()!);
    const events = (await db.query('SELECT count(*)::int AS n FROM event_log')).rows[0].n;
    expect(summary).toEqual({
      readModel: 'pipeline',
      events,
      seconds: expect.any(Number),
      eventsPerSecond: expect.any(Number),
    });
    expect(await tables()).toEqual(live);

    // Live processing carries on from the rebuilt state.
    await deliver([feedback(support2)]);
    const after = await get(`/pipeline?areaCode=${AREA}`).expect(200);
    expect(after.body.supports.items.find((s: { id: string }) => s.id === support2)).toMatchObject({
      stage: 'with_feedback',
      feedbackCount: 1,
    });
  });

  it('replays a log that holds need.identified as version 1 into the state live processing reached', async () => {
    const needId = randomUUID();
    // Delivered as a producer before the vocabulary wrote it: the consumer reads it upcast to version 2.
    const old = {
      ...identified(needId, stockholm, 'Gammalt behov'),
      version: 1,
      payload: {
        needId,
        organisationId: stockholm,
        title: 'Gammalt behov',
        description: '',
        areaCode: AREA,
        sector: 'health',
        targetGroup: 'Äldre',
        identifiedAt: tick(),
      },
    };
    await deliver([old]);
    await deliver([drafted(randomUUID(), [needId])]);
    await drained();
    const logged = (await db.query('SELECT envelope FROM event_log WHERE event_id = $1', [old.id])).rows[0].envelope;
    expect(logged).toMatchObject({ version: 2, payload: { targetGroups: [], note: 'Äldre' } });
    // A log written before this version holds the event as it was sent: put it back so, then replay.
    await db.query('ALTER TABLE event_log DISABLE TRIGGER event_log_append_only');
    await db.query('UPDATE event_log SET envelope = $2 WHERE event_id = $1', [old.id, JSON.stringify(old)]);
    await db.query('ALTER TABLE event_log ENABLE TRIGGER event_log_append_only');
    const live = await tables();
    const { code } = await replay(['pipeline']);
    expect(code).toBe(0);
    expect(await tables()).toEqual(live);
    const pipeline = await get(`/pipeline?areaCode=${AREA}`).expect(200);
    expect(pipeline.body.needs.items).toContainEqual(
      expect.objectContaining({ id: needId, title: 'Gammalt behov', stage: 'being-addressed' }),
    );
  });

  it('refuses to replay a read model it does not know, naming the ones it does', async () => {
    const { code, output: printed } = await replay(['needs']);
    expect(code).toBe(2);
    expect(printed).toContain('Known read models: pipeline');
  });
});
