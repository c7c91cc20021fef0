import request from 'supertest';
import { eventually, TestSystem } from '@styrkedjan/testing';

/**
 * The first vertical slice through the gateway, with every service a separate process on real
 * PostgreSQL and Redis: a need is identified, a support drafted and published, feedback returned,
 * and steering reads the pipeline and the audit trail.
 */
describe('the governance chain, end to end', () => {
  let system: TestSystem;
  let api: ReturnType<typeof request>;
  let stockholm: string; // municipality 0180, identifies the need
  let skane: string; // Region Skåne, follows the area
  let socialstyrelsen: string; // agency, drafts and publishes
  let skolverket: string; // another agency
  let skr: string; // SKR, where the steering group sits
  let needId: string;
  let supportId: string;

  // Each organisation acts through a user in the role its kind usually holds, with a real signed token.
  const roles = new Map<string, string>();
  const as = (organisationId: string) => system.as(organisationId, roles.get(organisationId)!);
  /** The steering group: reads everything, the event log included. */
  const steering = () => system.as(skr, 'steering_group');

  beforeAll(async () => {
    system = await TestSystem.start();
    api = request(system.url);
    stockholm = await system.organisationId('municipality', '0180');
    skane = await system.organisationId('region', '12');
    socialstyrelsen = await system.organisationId('agency', 'SOS');
    skolverket = await system.organisationId('agency', 'SKOLV');
    skr = await system.organisationId('association', 'SKR');
    for (const [id, role] of [
      [stockholm, 'municipality'],
      [skane, 'region'],
      [socialstyrelsen, 'agency_editor'],
      [skolverket, 'agency_editor'],
    ])
      roles.set(id, role);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('serves the reference data: 21 regions, 290 municipalities each in its region, the areas', async () => {
    const municipalities = await listAll('/organisations?kind=municipality&limit=200');
    expect(municipalities).toHaveLength(290);
    expect(municipalities.every((m) => m.region?.id)).toBe(true);
    expect(await listAll('/organisations?kind=region&limit=200')).toHaveLength(21);

    const gotland = municipalities.find((m) => m.code === '0980');
    expect(gotland?.region).toMatchObject({ code: '09', name: 'Region Gotland' });

    const one = await api.get(`/organisations/${stockholm}`).set(steering()).expect(200);
    expect(one.body).toMatchObject({
      id: stockholm,
      code: '0180',
      name: 'Stockholm',
      kind: 'municipality',
      region: { code: '01' },
    });

    const areas = await api.get('/areas').set(steering()).expect(200);
    expect(areas.body.items).toHaveLength(27);
    expect(areas.body.items).toContainEqual(expect.objectContaining({ code: 'health.primary-care', sector: 'health' }));

    await api
      .get('/organisations/4b1bd1cf-5bd4-4bc4-9a0f-3c5b3a3e2b11')
      .set(steering())
      .expect(404)
      .expect('content-type', /application\/problem\+json/);
    const badKind = await api.get('/organisations?kind=planet').set(steering()).expect(400);
    expect(badKind.body.errors).toContainEqual(expect.objectContaining({ field: 'kind' }));
  });

  it('lets an organisation choose the areas it follows', async () => {
    const response = await api
      .put(`/organisations/${skane}/subscriptions`)
      .set(as(skane))
      .send({ areaCodes: ['health.primary-care', 'health.mental-health'] })
      .expect(200);
    expect(response.body.areaCodes.sort()).toEqual(['health.mental-health', 'health.primary-care']);

    await api.put(`/organisations/${skane}/subscriptions`).set(as(stockholm)).send({ areaCodes: [] }).expect(403);
    const unknownArea = await api
      .put(`/organisations/${skane}/subscriptions`)
      .set(as(skane))
      .send({ areaCodes: ['health.nope'] })
      .expect(400);
    expect(unknownArea.body.errors).toContainEqual(expect.objectContaining({ field: 'areaCodes[0]' }));
  });

  it('registers a knowledge need from a municipality, once per Idempotency-Key', async () => {
    const body = {
      title: 'Stöd för tidig upptäckt av depression hos äldre',
      description: 'Primärvården saknar ett gemensamt arbetssätt.',
      areaCode: 'health.primary-care',
      targetGroups: ['older-people'],
    };
    const first = await api.post('/needs').set(as(stockholm)).set('Idempotency-Key', 'need-1').send(body).expect(201);
    const retry = await api.post('/needs').set(as(stockholm)).set('Idempotency-Key', 'need-1').send(body).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(first.body).toMatchObject({
      organisationId: stockholm,
      areaCode: 'health.primary-care',
      sector: 'health',
      targetGroups: ['older-people'],
      stage: 'identified',
    });
    needId = first.body.id;

    await eventually(async () => {
      const events = await api.get('/events?limit=1000').set(steering()).expect(200);
      const identified = events.body.items.filter(
        (e: { type: string; payload: { needId: string } }) => e.type === 'need.identified',
      );
      expect(identified).toHaveLength(1);
      expect(identified[0]).toMatchObject({ payload: { needId }, actor: { organisationId: stockholm } });
    });

    const listed = await api.get(`/needs?organisationId=${stockholm}`).set(steering()).expect(200);
    expect(listed.body.items.map((n: { id: string }) => n.id)).toEqual([needId]);
    await api.get(`/needs/${needId}`).set(steering()).expect(200);
  });

  it('rejects bad needs with problem details naming the field', async () => {
    const unknownField = await api
      .post('/needs')
      .set(as(stockholm))
      .send({
        title: 't',
        description: '',
        areaCode: 'health.primary-care',
        targetGroups: ['older-people'],
        status: 'addressed',
      })
      .expect(400)
      .expect('content-type', /application\/problem\+json/);
    expect(unknownField.body.errors).toContainEqual(expect.objectContaining({ field: 'status' }));

    const unknownArea = await api
      .post('/needs')
      .set(as(stockholm))
      .send({ title: 't', description: '', areaCode: 'x.y', targetGroups: ['older-people'] })
      .expect(400);
    expect(unknownArea.body.errors).toEqual([expect.objectContaining({ field: 'areaCode' })]);

    const unknownGroup = await api
      .post('/needs')
      .set(as(stockholm))
      .send({
        title: 't',
        description: '',
        areaCode: 'health.primary-care',
        targetGroups: ['older-people', 'martians'],
      })
      .expect(400);
    expect(unknownGroup.body.errors).toEqual([expect.objectContaining({ field: 'targetGroups[1]' })]);
    const noGroup = await api
      .post('/needs')
      .set(as(stockholm))
      .send({ title: 't', description: '', areaCode: 'health.primary-care', targetGroups: [] })
      .expect(400);
    expect(noGroup.body.errors).toContainEqual(expect.objectContaining({ field: 'targetGroups' }));

    const tooLong = await api
      .post('/needs')
      .set(as(stockholm))
      .send({ title: 'x'.repeat(201), description: '', areaCode: 'x.y', targetGroups: ['older-people'] })
      .expect(400);
    expect(tooLong.body.errors).toContainEqual(expect.objectContaining({ field: 'title' }));

    await api
      .post('/needs')
      .send({ title: 't', description: '', areaCode: 'health.primary-care', targetGroups: ['older-people'] })
      .expect(401);
    await api
      .post('/needs')
      .set(as(socialstyrelsen))
      .send({ title: 't', description: '', areaCode: 'health.primary-care', targetGroups: ['older-people'] })
      .expect(403);
    await api.post('/needs').set(system.as('not-a-uuid', 'municipality')).send({}).expect(401);
    await api
      .post('/needs')
      .set(system.as('0b7e5a3c-8f0e-4c52-9d4e-1f2a3b4c5d6e', 'municipality'))
      .send({})
      .expect(401);
    await api.get('/needs/not-a-uuid').set(steering()).expect(400);
    await api.get('/needs/0b7e5a3c-8f0e-4c52-9d4e-1f2a3b4c5d6e').set(steering()).expect(404);
    await api
      .get('/no-such-route')
      .set(steering())
      .expect(404)
      .expect('content-type', /application\/problem\+json/);
  });

  it('refuses text PostgreSQL cannot store with a 400 naming the field, and keeps nothing of it', async () => {
    const refusals: [ReturnType<typeof api.get>, string][] = [
      [api.get('/areas/%00').set(steering()), 'code'],
      [api.get('/organisations?q=%00').set(steering()), 'q'],
      [api.get('/supports?areaCode=%00').set(steering()), 'areaCode'],
      [
        api
          .post('/needs')
          .set(as(stockholm))
          .send({
            title: 'Nul\u0000',
            description: '',
            areaCode: 'health.primary-care',
            targetGroups: ['older-people'],
          }),
        'title',
      ],
      [
        api
          .post('/supports')
          .set(as(socialstyrelsen))
          .send({ title: 'Stöd', summary: 'a\u0000b', areaCode: 'health.primary-care', needIds: [] }),
        'summary',
      ],
    ];
    for (const [refused, field] of refusals) {
      const response = await refused.expect(400).expect('content-type', /application\/problem\+json/);
      expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
    }
    const needs = await api.get('/needs?limit=200').set(steering()).expect(200);
    expect(needs.body.items.some((need: { title: string }) => need.title.startsWith('Nul'))).toBe(false);
    await api.get('/health/ready').expect(200);
  });

  it('lets an agency draft a support answering the need, and the need shows it', async () => {
    await system.drained(); // the supports service learns of the need through its event
    await api.post('/supports').set(as(stockholm)).send(draft()).expect(403);
    const unknownNeed = await api
      .post('/supports')
      .set(as(socialstyrelsen))
      .send({ ...draft(), needIds: ['0b7e5a3c-8f0e-4c52-9d4e-1f2a3b4c5d6e'] })
      .expect(400);
    expect(unknownNeed.body.errors).toContainEqual(expect.objectContaining({ field: 'needIds[0]' }));

    const drafted = await api.post('/supports').set(as(socialstyrelsen)).send(draft()).expect(201);
    expect(drafted.body).toMatchObject({
      status: 'draft',
      leadAgencyId: socialstyrelsen,
      needIds: [needId],
      coProducerIds: [skolverket],
    });
    supportId = drafted.body.id;

    await eventually(async () => {
      const need = await api.get(`/needs/${needId}`).set(steering()).expect(200);
      expect(need.body.stage).toBe('being-addressed');
      expect(need.body.addressedBy).toEqual([expect.objectContaining({ supportId, status: 'draft' })]);
    });
  });

  it('publishes only by the lead agency, once, and alerts followers and the need owner', async () => {
    await api.post(`/supports/${supportId}/publish`).set(as(skolverket)).expect(403);
    const early = await api
      .post(`/supports/${supportId}/feedback`)
      .set(as(stockholm))
      .send({ usefulness: 4, applicationStatus: 'planned' });
    expect([404, 409]).toContain(early.status); // feedback on a draft is refused

    const published = await api.post(`/supports/${supportId}/publish`).set(as(socialstyrelsen)).expect(200);
    expect(published.body).toMatchObject({ id: supportId, status: 'published' });
    await api.post(`/supports/${supportId}/publish`).set(as(socialstyrelsen)).expect(409);

    // One notification of the publication each, whatever else the inbox holds (a need's earlier transitions).
    const publicationIn = (items: { id: string; type: string; subject: { id: string } }[]) =>
      items.filter((item) => item.type === 'support.published' && item.subject.id === supportId);
    for (const organisation of [stockholm, skane]) {
      await eventually(async () => {
        const inbox = await api.get(`/organisations/${organisation}/notifications`).set(as(organisation)).expect(200);
        expect(publicationIn(inbox.body.items)).toEqual([
          expect.objectContaining({ subject: { type: 'support', id: supportId }, readAt: null }),
        ]);
        expect(inbox.body.unreadCount).toBe(inbox.body.items.length);
      });
    }
    const stockholmInbox = await api.get(`/organisations/${stockholm}/notifications`).set(as(stockholm)).expect(200);
    const [publication] = publicationIn(stockholmInbox.body.items);
    expect(publication).toMatchObject({ reasons: ['answers_your_need'], title: expect.stringContaining('Ert behov') });
    await api.get(`/organisations/${stockholm}/notifications`).set(as(skane)).expect(403);

    const read = await api
      .post(`/organisations/${stockholm}/notifications/${publication.id}/read`)
      .set(as(stockholm))
      .expect(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    const after = await api.get(`/organisations/${stockholm}/notifications`).set(as(stockholm)).expect(200);
    expect(after.body.unreadCount).toBe(stockholmInbox.body.unreadCount - 1);

    await eventually(async () => {
      const need = await api.get(`/needs/${needId}`).set(steering()).expect(200);
      expect(need.body.stage).toBe('answered');
    });
  });

  it('takes feedback on a published support and tells the lead agency', async () => {
    await eventually(() =>
      api
        .post(`/supports/${supportId}/feedback`)
        .set(as(stockholm))
        .send({ usefulness: 4, applicationStatus: 'applied', comment: 'Används i tre vårdcentraler.' })
        .expect(201),
    );
    const bad = await api
      .post(`/supports/${supportId}/feedback`)
      .set(as(stockholm))
      .send({ usefulness: 9, applicationStatus: 'maybe' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['applicationStatus', 'usefulness']);

    await eventually(async () => {
      const inbox = await api
        .get(`/organisations/${socialstyrelsen}/notifications`)
        .set(as(socialstyrelsen))
        .expect(200);
      expect(inbox.body.items).toContainEqual(
        expect.objectContaining({ type: 'feedback.received', subject: { type: 'support', id: supportId } }),
      );
    });
    const feedback = await api.get(`/supports/${supportId}/feedback`).set(steering()).expect(200);
    expect(feedback.body.summary).toMatchObject({ count: 1, averageUsefulness: 4 });
  });

  it('shows steering the pipeline per stage, with the time of each transition', async () => {
    const second = await api
      .post('/supports')
      .set(as(skolverket))
      .send({ ...draft(), title: 'Handbok', areaCode: 'health.primary-care', needIds: [], coProducerIds: [] })
      .expect(201);
    await system.drained();

    const pipeline = await api.get('/pipeline?areaCode=health.primary-care').set(steering()).expect(200);
    const noNeeds = {
      identified: 0,
      underReview: 0,
      accepted: 0,
      declined: 0,
      deferred: 0,
      merged: 0,
      beingAddressed: 0,
      answered: 0,
      addressedByDraft: 0,
      addressed: 0,
    };
    expect(pipeline.body.counts).toEqual({
      needs: { ...noNeeds, answered: 1, addressed: 1 },
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
    const need = pipeline.body.needs.items.find((n: { id: string }) => n.id === needId);
    expect(need).toMatchObject({
      stage: 'answered',
      identifiedAt: expect.any(String),
      draftedAt: expect.any(String),
      publishedAt: expect.any(String),
    });
    const support = pipeline.body.supports.items.find((s: { id: string }) => s.id === supportId);
    expect(support).toMatchObject({ stage: 'with_feedback', feedbackCount: 1, firstFeedbackAt: expect.any(String) });
    expect(pipeline.body.supports.items.map((s: { id: string }) => s.id)).toContain(second.body.id);

    const education = await api.get('/pipeline?sector=education').set(steering()).expect(200);
    expect(education.body.counts.needs).toEqual(noNeeds);
    await api.get('/pipeline?sector=space').set(steering()).expect(400);
  });

  it('keeps the audit trail in order, with who did what', async () => {
    const log = await api.get('/events?after=0&limit=1000').set(steering()).expect(200);
    const positions = log.body.items.map((e: { position: number }) => Number(e.position));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // The directory's seed (organisations, areas, target groups, product types) comes first; the story after it.
    const story = log.body.items.filter((e: { producer: string }) => e.producer !== 'directory');
    const actions = (events: { type: string; actor: { organisationId: string } }[]) =>
      events.map((e) => [e.type, e.actor.organisationId]);
    // The needs service tells of the draft and the publication in events of its own, caused by the supports' and
    // with their actor; they reach the log after their cause, in whatever order beside the rest.
    const told = (e: { type: string }) => e.type === 'need.addressed' || e.type === 'need.answered';
    // Choosing what to follow is recorded too, from the notifications service's outbox, so its place beside the
    // other services' events depends on the relays.
    const followed = (e: { type: string }) => e.type === 'subscriptions.replaced';
    expect(actions(story.filter(followed))).toEqual([['subscriptions.replaced', skane]]);
    expect(actions(story.filter((e: { type: string }) => !told(e) && !followed(e)))).toEqual([
      ['need.identified', stockholm],
      ['support.drafted', socialstyrelsen],
      ['support.published', socialstyrelsen],
      ['feedback.received', stockholm],
      ['support.drafted', skolverket],
    ]);
    expect(actions(story.filter(told))).toEqual([
      ['need.addressed', socialstyrelsen],
      ['need.answered', socialstyrelsen],
    ]);
    const identified = story.find((e: { type: string }) => e.type === 'need.identified');
    expect(identified).toMatchObject({
      producer: 'needs',
      version: 2,
      occurredAt: expect.any(String),
      correlationId: expect.any(String),
    });
    // The actor is the user the token named, in the organisation it named, and how they signed in.
    expect(identified.actor).toEqual({
      organisationId: stockholm,
      userId: `user-municipality-${stockholm.slice(0, 8)}`,
      method: 'jwt',
    });

    const page = await api.get(`/events?after=${positions[0]}&limit=2`).set(steering()).expect(200);
    expect(page.body.items.map((e: { position: number }) => Number(e.position))).toEqual(positions.slice(1, 3));
    await api.get('/events?limit=100000').set(steering()).expect(400);
  });

  it('documents every route in one OpenAPI document', async () => {
    const docs = await api.get('/docs-json').set(steering()).expect(200);
    const documented = Object.keys(docs.body.paths).map((path) => path.replace(/\{[^}]+\}/g, '{id}'));
    for (const path of [
      '/organisations',
      '/organisations/{id}',
      '/areas',
      '/needs',
      '/needs/{id}',
      '/supports',
      '/supports/{id}',
      '/supports/{id}/publish',
      '/supports/{id}/feedback',
      '/organisations/{id}/subscriptions',
      '/organisations/{id}/notifications',
      '/pipeline',
      '/events',
      '/admin/dead-letters',
      '/api-keys',
      '/api-keys/{id}',
      '/audit',
    ]) {
      expect(documented).toContain(path);
    }
  });

  function draft() {
    return {
      title: 'Nationellt vårdprogram för depression hos äldre',
      summary: 'Rekommendationer för primärvården.',
      areaCode: 'health.primary-care',
      needIds: [needId],
      coProducerIds: [skolverket],
      plannedReleaseDate: '2027-03-01',
    };
  }

  async function listAll(path: string): Promise<Record<string, any>[]> {
    const items: Record<string, any>[] = [];
    let cursor: string | null = null;
    do {
      const response: request.Response = await api
        .get(cursor ? `${path}&cursor=${cursor}` : path)
        .set(steering())
        .expect(200);
      items.push(...response.body.items);
      cursor = response.body.nextCursor;
    } while (cursor);
    return items;
  }
});
