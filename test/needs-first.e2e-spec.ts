import request from 'supertest';
import { eventually, TestSystem } from '@styrkedjan/testing';

interface LoggedEvent {
  type: string;
  actor: { organisationId: string | null };
  aggregate: { version: number };
  payload: Record<string, unknown>;
}

/**
 * Needs first, through the gateway with every service a separate process: a municipality registers a need,
 * another is shown it as similar and endorses it, the steering group asks a question, the submitter answers,
 * the steering group accepts it with a lead agency, the agency finds it assigned to it and drafts a support
 * addressing it, and the timeline shows every step with who and why.
 */
describe('needs first, end to end', () => {
  let system: TestSystem;
  let api: ReturnType<typeof request>;
  let stockholm: string; // municipality 0180: submits
  let goteborg: string; // municipality 1480: finds it similar and endorses
  let socialstyrelsen: string; // agency: leads the answer
  let skr: string; // the steering group
  let needId: string;
  let supportId: string;

  const municipality = (id: string) => system.as(id, 'municipality');
  const steering = () => system.as(skr, 'steering_group');
  const agency = () => system.as(socialstyrelsen, 'agency_editor');
  const need = (title: string, description: string) => ({
    title,
    description,
    areaCode: 'health.primary-care',
    targetGroups: ['older-people'],
    note: 'i ordinärt boende',
  });
  const current = async () => api.get(`/needs/${needId}`).set(steering()).expect(200);
  const eventsOfNeed = async (): Promise<LoggedEvent[]> =>
    (await api.get(`/events?aggregateId=${needId}&limit=200`).set(steering()).expect(200)).body.items;

  beforeAll(async () => {
    system = await TestSystem.start();
    api = request(system.url);
    stockholm = await system.organisationId('municipality', '0180');
    goteborg = await system.organisationId('municipality', '1480');
    socialstyrelsen = await system.organisationId('agency', 'SOS');
    skr = await system.organisationId('association', 'SKR');
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('registers a need and shows the next municipality the similar one it could endorse instead', async () => {
    const first = await api
      .post('/needs')
      .set(municipality(stockholm))
      .send(
        need(
          'Tidig upptäckt av depression hos äldre',
          'Primärvården saknar ett arbetssätt för att upptäcka depression.',
        ),
      )
      .expect(201);
    needId = first.body.id;
    expect(first.headers.etag).toBe('"1"');
    expect(first.body).toMatchObject({
      stage: 'identified',
      targetGroups: ['older-people'],
      note: 'i ordinärt boende',
    });

    const second = await api
      .post('/needs')
      .set(municipality(goteborg))
      .send(need('Upptäcka depression bland äldre', 'Hemtjänsten ser tecken på depression hos äldre.'))
      .expect(201);
    const similar = second.body.similar.find((s: { id: string }) => s.id === needId);
    expect(similar).toMatchObject({ organisationId: stockholm, stage: 'identified', score: expect.any(Number) });
    expect(similar.reasons).toEqual(
      expect.arrayContaining(['same area: Primärvård', 'a target group in common: Äldre']),
    );
    const listed = await api.get(`/needs/${second.body.id}/similar`).set(municipality(goteborg)).expect(200);
    expect(listed.body.items.map((s: { id: string }) => s.id)).toContain(needId);
  });

  it('takes an endorsement from another municipality, once, and counts it by kind and county', async () => {
    const endorsed = await api
      .post(`/needs/${needId}/endorsements`)
      .set(municipality(goteborg))
      .send({ comment: 'Vi har samma behov', localContext: 'Fem vårdcentraler i nordost' })
      .expect(201);
    expect(endorsed.headers.etag).toBe('"2"');
    expect(endorsed.body.endorsements).toMatchObject({
      count: 1,
      byKind: { municipality: 1 },
      byCounty: [{ countyId: await system.organisationId('region', '14'), count: 1 }],
    });
    await api.post(`/needs/${needId}/endorsements`).set(municipality(goteborg)).send({}).expect(409);
    await api.post(`/needs/${needId}/endorsements`).set(municipality(stockholm)).send({}).expect(409);
    await api.post(`/needs/${needId}/endorsements`).set(agency()).send({}).expect(403);
    const sorted = await api.get('/needs?sort=endorsements&limit=1').set(steering()).expect(200);
    expect(sorted.body.items[0].id).toBe(needId);
  });

  it('lets the steering group ask a question against the current version only, and the submitter alone answer', async () => {
    const read = await current();
    const question = {
      decision: 'more-information-needed',
      rationale: 'Vi behöver veta omfattningen',
      question: 'Hur många brukare berörs?',
    };
    const missing = await api.post(`/needs/${needId}/triage`).set(steering()).send(question).expect(428);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'If-Match' })]);
    const stale = await api
      .post(`/needs/${needId}/triage`)
      .set(steering())
      .set('If-Match', '"1"')
      .send(question)
      .expect(412)
      .expect('content-type', /application\/problem\+json/);
    expect(stale.body.current).toMatchObject({ id: needId, version: 2, stage: 'identified' });
    await api
      .post(`/needs/${needId}/triage`)
      .set(municipality(stockholm))
      .set('If-Match', read.headers.etag)
      .send(question)
      .expect(403);
    const noRationale = await api
      .post(`/needs/${needId}/triage`)
      .set(steering())
      .set('If-Match', read.headers.etag)
      .send({ ...question, rationale: '' })
      .expect(400);
    expect(noRationale.body.errors).toContainEqual(expect.objectContaining({ field: 'rationale' }));

    const asked = await api
      .post(`/needs/${needId}/triage`)
      .set(steering())
      .set('If-Match', read.headers.etag)
      .send(question)
      .expect(200);
    expect(asked.body).toMatchObject({ stage: 'under-review', openQuestion: 'Hur många brukare berörs?' });

    await api
      .post(`/needs/${needId}/clarifications`)
      .set(municipality(goteborg))
      .send({ answer: 'Vi vet' })
      .expect(403);
    const answered = await api
      .post(`/needs/${needId}/clarifications`)
      .set(municipality(stockholm))
      .send({ answer: 'Ungefär 400 brukare i hemtjänsten' })
      .expect(201);
    expect(answered.body).toMatchObject({ stage: 'under-review', openQuestion: null, version: 4 });
  });

  it('accepts it with a lead agency, which then finds it assigned to it', async () => {
    const read = await current();
    const notAnAgency = await api
      .post(`/needs/${needId}/triage`)
      .set(steering())
      .set('If-Match', read.headers.etag)
      .send({ decision: 'accepted', rationale: 'Ett nationellt behov', leadAgencyId: goteborg })
      .expect(422);
    expect(notAnAgency.body.errors).toEqual([expect.objectContaining({ field: 'leadAgencyId' })]);
    const accepted = await api
      .post(`/needs/${needId}/triage`)
      .set(steering())
      .set('If-Match', read.headers.etag)
      .send({ decision: 'accepted', rationale: 'Ett nationellt behov', leadAgencyId: socialstyrelsen })
      .expect(200);
    expect(accepted.body).toMatchObject({
      stage: 'accepted',
      triage: { decision: 'accepted', rationale: 'Ett nationellt behov', leadAgencyId: socialstyrelsen },
    });
    const assigned = await api.get(`/needs?assignedTo=${socialstyrelsen}`).set(agency()).expect(200);
    expect(assigned.body.items.map((n: { id: string }) => n.id)).toEqual([needId]);
  });

  it('is being addressed once a draft names it', async () => {
    const drafted = await api
      .post('/supports')
      .set(agency())
      .send({
        title: 'Depression hos äldre: vägledning för primärvården',
        summary: 'Hur depression upptäcks och behandlas hos äldre i ordinärt boende.',
        areaCode: 'health.primary-care',
        needIds: [needId],
        coProducerIds: [],
      })
      .expect(201);
    supportId = drafted.body.id;
    await eventually(async () => {
      const read = await current();
      expect(read.body).toMatchObject({
        stage: 'being-addressed',
        addressedBy: [expect.objectContaining({ supportId })],
      });
    });
  });

  it('shows every transition in the timeline, in order, with actor, time, decision and rationale', async () => {
    const timeline = await api.get(`/needs/${needId}/timeline`).set(municipality(stockholm)).expect(200);
    expect(
      timeline.body.items.map((entry: { type: string; stage: string; actor: { organisationId: string } }) => [
        entry.type,
        entry.stage,
        entry.actor.organisationId,
      ]),
    ).toEqual([
      ['need.identified', 'identified', stockholm],
      ['need.endorsed', 'identified', goteborg],
      ['need.clarification-requested', 'under-review', skr],
      ['need.clarified', 'under-review', stockholm],
      ['need.triaged', 'accepted', skr],
      ['need.addressed', 'being-addressed', socialstyrelsen],
    ]);
    expect(timeline.body.items[2]).toMatchObject({
      decision: 'more-information-needed',
      rationale: 'Vi behöver veta omfattningen',
      details: { question: 'Hur många brukare berörs?' },
      at: expect.any(String),
    });
    expect(timeline.body.items[3].details).toEqual({
      question: 'Hur många brukare berörs?',
      answer: 'Ungefär 400 brukare i hemtjänsten',
    });
    expect(timeline.body.items[4]).toMatchObject({ decision: 'accepted', rationale: 'Ett nationellt behov' });
    expect(timeline.body.items[5].details).toMatchObject({ supportId, leadAgencyId: socialstyrelsen });
  });

  it('names submitter and endorser as stakeholders on every transition event', async () => {
    const stakeholders = [
      { organisationId: stockholm, role: 'submitter' },
      { organisationId: goteborg, role: 'endorser' },
    ];
    await eventually(async () => {
      const events = await eventsOfNeed();
      const transitions = events.filter((e) =>
        ['need.clarification-requested', 'need.clarified', 'need.triaged', 'need.addressed'].includes(e.type),
      );
      expect(transitions.map((e) => e.type)).toEqual([
        'need.clarification-requested',
        'need.clarified',
        'need.triaged',
        'need.addressed',
      ]);
      for (const event of transitions) expect(event.payload.stakeholders).toEqual(stakeholders);
      expect(events.map((e) => e.aggregate.version)).toEqual([1, 2, 3, 4, 5, 6]);
    });
  });

  it('tells submitter and endorser of every transition in their inboxes, the question to the submitter only', async () => {
    const needNotifications = async (organisationId: string) => {
      const inbox = await api
        .get(`/organisations/${organisationId}/notifications?limit=200`)
        .set(municipality(organisationId))
        .expect(200);
      return (inbox.body.items as { type: string; subject: { type: string; id: string }; reasons: string[] }[])
        .filter((item) => item.subject.type === 'need' && item.subject.id === needId)
        .map((item) => [item.type, item.reasons])
        .sort();
    };
    await eventually(async () => {
      expect(await needNotifications(stockholm)).toEqual([
        ['need.addressed', ['your_need']],
        ['need.clarification-requested', ['your_need']],
        ['need.triaged', ['your_need']],
      ]);
      expect(await needNotifications(goteborg)).toEqual([
        ['need.addressed', ['need_you_endorsed']],
        ['need.triaged', ['need_you_endorsed']],
      ]);
    });
  });
});
