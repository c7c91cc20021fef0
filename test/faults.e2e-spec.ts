import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import request from 'supertest';
import { eventually, TestSystem } from '@styrkedjan/testing';

/**
 * What must hold when things go wrong: nothing lost, nothing doubled. Each case drives the real
 * services as separate processes and breaks one of them for real (SIGKILL, a failing database).
 */
describe('faults', () => {
  let system: TestSystem;
  let api: ReturnType<typeof request>;
  let socialstyrelsen: string;
  let stockholm: string;
  let followers: string[]; // the 33 municipalities of Skåne, which follow social.older-care

  // The agency acts through an editor, the municipalities through their own users; the operator is the operating organisation's.
  const as = (organisationId: string) =>
    system.as(organisationId, organisationId === socialstyrelsen ? 'agency_editor' : 'municipality');
  const operator = () => system.as(system.operatorOrganisationId, 'platform_operator');
  const AREA = 'social.older-care';

  beforeAll(async () => {
    system = await TestSystem.start();
    api = request(system.url);
    socialstyrelsen = await system.organisationId('agency', 'SOS');
    stockholm = await system.organisationId('municipality', '0180');
    followers = await system.municipalitiesFollowing('12', AREA); // Skåne
    expect(followers.length).toBe(33);
  });

  afterAll(async () => {
    await system?.stop();
  });

  const publishSupport = (title: string) => system.publishSupport(socialstyrelsen, AREA, title);

  async function notificationsAbout(supportId: string): Promise<{ organisation_id: string; n: number }[]> {
    const { rows } = await system.db.query(
      `SELECT organisation_id, count(*)::int AS n FROM notifications.notifications WHERE subject_id = $1 GROUP BY organisation_id`,
      [supportId],
    );
    return rows;
  }

  it('applies an event delivered twice only once', async () => {
    const supportId = await publishSupport('Levererad två gånger');
    await system.drained();
    const before = await notificationsAbout(supportId);
    expect(before).toHaveLength(followers.length);

    const { rows } = await system.db.query(
      "SELECT envelope FROM pipeline.event_log WHERE type = 'support.published' AND aggregate_id = $1",
      [supportId],
    );
    const event = rows[0].envelope;
    // Distinct job ids, so BullMQ itself cannot hide the duplicate: only the consumers' idempotency can.
    for (const consumer of ['notifications', 'needs', 'feedback', 'pipeline'] as const) {
      await system.queue(consumer).add(event.type, event, { jobId: `${event.id}-again-1` });
      await system.queue(consumer).add(event.type, event, { jobId: `${event.id}-again-2` });
    }
    await system.drained();

    const after = await notificationsAbout(supportId);
    expect(after).toEqual(before);
    expect(after.every((row) => row.n === 1)).toBe(true);
    const logged = await system.db.query('SELECT count(*)::int AS n FROM pipeline.event_log WHERE event_id = $1', [
      event.id,
    ]);
    expect(logged.rows[0].n).toBe(1);
  });

  it('delivers an event committed while its relay was down, once the relay is back', async () => {
    await system.stopService('needs');
    await system.startService('needs', { SERVICE_ROLES: 'consumer' }); // no relay in this process
    const need = await api
      .post('/needs')
      .set(as(stockholm))
      .send({ title: 'Fångad i outboxen', description: '', areaCode: AREA, targetGroups: ['older-people'] })
      .expect(201);
    const waiting = await system.db.query(
      "SELECT published_at FROM needs.outbox WHERE envelope->'payload'->>'needId' = $1",
      [need.body.id],
    );
    expect(waiting.rows).toEqual([{ published_at: null }]);

    await system.stopService('needs', 'SIGKILL');
    await system.startService('needs');

    await eventually(async () => {
      const log = await system.db.query(
        "SELECT count(*)::int AS n FROM pipeline.event_log WHERE type = 'need.identified' AND aggregate_id = $1",
        [need.body.id],
      );
      expect(log.rows[0].n).toBe(1);
    });
  });

  it('loses and doubles nothing when a consumer is killed while events flow', async () => {
    const published: string[] = [];
    for (let i = 0; i < 12; i++) {
      published.push(await publishSupport(`Under last ${i}`));
      if (i === 3) await system.stopService('notifications', 'SIGKILL');
      if (i === 8) await system.startService('notifications');
    }
    await system.drained(60_000);
    for (const supportId of published) {
      const rows = await notificationsAbout(supportId);
      expect(rows).toHaveLength(followers.length);
      expect(rows.every((row) => row.n === 1)).toBe(true);
    }
  });

  it('dead-letters a poison event and re-drives it once the cause is fixed', async () => {
    // The cause: the inbox table refuses rows for one title, as a broken constraint or full disk would.
    await system.db.query(`
      CREATE FUNCTION notifications.refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.title LIKE '%Giftig%' THEN RAISE EXCEPTION 'inbox refuses this row'; END IF;
        RETURN NEW;
      END $$`);
    await system.db.query(
      'CREATE TRIGGER refuse_poison BEFORE INSERT ON notifications.notifications FOR EACH ROW EXECUTE FUNCTION notifications.refuse_poison()',
    );
    const supportId = await publishSupport('Giftig publicering');

    const letter = await eventually(async () => {
      const letters = await api.get('/admin/dead-letters').set(operator()).expect(200);
      const found = letters.body.items.find(
        (item: { consumer: string; eventType: string; event: { payload: { supportId: string } } }) =>
          item.consumer === 'notifications' &&
          item.eventType === 'support.published' &&
          item.event.payload.supportId === supportId,
      );
      expect(found).toBeDefined();
      return found;
    });
    expect(letter.attemptsMade).toBe(3);
    expect(letter.failedReason).toContain('inbox refuses this row');
    expect(await notificationsAbout(supportId)).toEqual([]);

    await system.db.query('DROP TRIGGER refuse_poison ON notifications.notifications');
    await api
      .post(`/admin/dead-letters/${encodeURIComponent(letter.id)}/retry`)
      .set(operator())
      .expect(200);
    await api
      .post(`/admin/dead-letters/${encodeURIComponent('notifications:no-such-job')}/retry`)
      .set(operator())
      .expect(404);

    await eventually(async () => {
      const rows = await notificationsAbout(supportId);
      expect(rows).toHaveLength(followers.length);
    });
    const letters = await api.get('/admin/dead-letters').set(operator()).expect(200);
    expect(letters.body.items.find((item: { id: string }) => item.id === letter.id)).toBeUndefined();
  });

  it("ends in the right state when one aggregate's events arrive out of order", async () => {
    const need = await api
      .post('/needs')
      .set(as(stockholm))
      .send({ title: 'I fel ordning', description: '', areaCode: AREA, targetGroups: ['older-people'] })
      .expect(201);
    await system.drained();
    const supportId = randomUUID();
    const answersNeeds = [{ needId: need.body.id, organisationId: stockholm }];
    const envelope = (type: string, version: number, payload: object) => ({
      id: randomUUID(),
      type,
      version: 1,
      occurredAt: new Date().toISOString(),
      producer: 'supports',
      actor: { organisationId: socialstyrelsen, userId: null, method: 'organisation-header' },
      correlationId: randomUUID(),
      causationId: null,
      aggregate: { type: 'support', id: supportId, version },
      payload,
    });
    const base = {
      supportId,
      leadAgencyId: socialstyrelsen,
      title: 'Omvänd',
      areaCode: AREA,
      sector: 'social',
      answersNeeds,
    };
    const publishedEvent = envelope('support.published', 2, { ...base, publishedAt: new Date().toISOString() });
    const draftedEvent = envelope('support.drafted', 1, {
      ...base,
      coProducerIds: [],
      summary: '',
      plannedReleaseDate: null,
      draftedAt: new Date(Date.now() - 60_000).toISOString(),
    });
    for (const event of [publishedEvent, draftedEvent]) {
      for (const consumer of ['needs', 'feedback', 'pipeline'] as const)
        await system.queue(consumer).add(event.type, event, { jobId: event.id });
      await system.drained();
    }

    const needNow = await api.get(`/needs/${need.body.id}`).set(operator()).expect(200);
    expect(needNow.body.stage).toBe('answered');
    expect(needNow.body.addressedBy).toEqual([
      expect.objectContaining({ supportId, status: 'published', draftedAt: expect.any(String) }),
    ]);
    const pipeline = await api.get(`/pipeline?areaCode=${AREA}&limit=200`).set(operator()).expect(200);
    expect(pipeline.body.supports.items.find((s: { id: string }) => s.id === supportId)).toMatchObject({
      stage: 'published',
    });
    await api
      .post(`/supports/${supportId}/feedback`)
      .set(as(stockholm))
      .send({ usefulness: 3, applicationStatus: 'planned' })
      .expect(201);
  });

  it('rebuilds the pipeline from the event log into the state live processing reached', async () => {
    await system.drained();
    const live = await pipelineState();
    const output = await system.runCommand(join(__dirname, '..', 'dist', 'apps', 'pipeline', 'src', 'replay.js'), [
      'pipeline',
    ]);
    expect(output).toContain('"readModel":"pipeline"');
    expect(await pipelineState()).toEqual(live);
    const everything = await api.get('/pipeline?limit=200').set(operator()).expect(200);
    expect(everything.body.counts.supports.published).toBeGreaterThan(0);
  });

  it('answers one request once when the same Idempotency-Key arrives twice at the same time', async () => {
    const body = { title: 'Samtidigt', description: '', areaCode: AREA, targetGroups: ['older-people'] };
    const [a, b] = await Promise.all([
      api.post('/needs').set(as(stockholm)).set('Idempotency-Key', 'same-time').send(body),
      api.post('/needs').set(as(stockholm)).set('Idempotency-Key', 'same-time').send(body),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    const { rows } = await system.db.query(
      "SELECT count(*)::int AS n FROM needs.outbox WHERE type = 'need.identified' AND envelope->'payload'->>'title' = 'Samtidigt'",
    );
    expect(rows[0].n).toBe(1);
  });

  async function pipelineState() {
    const tables = ['pipeline_needs', 'pipeline_supports', 'pipeline_support_needs', 'pipeline_stage_counts'];
    const state: Record<string, unknown[]> = {};
    for (const table of tables) {
      const { rows } = await system.db.query(`SELECT * FROM pipeline.${table}`);
      state[table] = rows.map((row) => JSON.stringify(row)).sort();
    }
    return state;
  }
});
