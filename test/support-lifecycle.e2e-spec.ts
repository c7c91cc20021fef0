import request from 'supertest';
import { eventually, TestSystem } from '@styrkedjan/testing';

/**
 * The supports' half of a support's life, through the gateway with every service a separate process: a draft with
 * its audience, an edit on a stale version refused, a reschedule with its reason, publication, a major revision and
 * its versions, a region's addition, and a withdrawal with a replacement that sends the need it answered back to
 * accepted. Every bad input on the way is a 4xx problem naming what is wrong, and leaves the support as it was.
 */
describe('the lifecycle of a support, end to end', () => {
  let system: TestSystem;
  let api: ReturnType<typeof request>;
  let stockholm: string; // municipality 0180: has the need
  let skane: string; // region 12: writes its addition
  let socialstyrelsen: string; // agency: leads the support
  let folkhalsomyndigheten: string; // agency: co-produces
  let skr: string; // the steering group
  let needId: string;
  let supportId: string;
  let replacementId: string;

  const agency = (id = socialstyrelsen) => system.as(id, 'agency_editor');
  const draft = (title: string, needIds: string[]) => ({
    title,
    summary: 'Hur depression upptäcks och behandlas hos äldre.',
    areaCode: 'health.primary-care',
    productType: 'guidance',
    targetGroups: ['older-people', 'relatives'],
    audience: {
      organisationKinds: ['municipality', 'region'],
      sectors: ['health', 'social'],
      professions: ['sjuksköterska'],
    },
    needIds,
    coProducerIds: [folkhalsomyndigheten],
    plannedReleaseDate: '2027-03-01',
  });
  const support = () => api.get(`/supports/${supportId}`).set(agency()).expect(200);
  const needStage = async () =>
    (await api.get(`/needs/${needId}`).set(system.as(skr, 'steering_group')).expect(200)).body.stage;

  beforeAll(async () => {
    system = await TestSystem.start();
    api = request(system.url);
    stockholm = await system.organisationId('municipality', '0180');
    skane = await system.organisationId('region', '12');
    socialstyrelsen = await system.organisationId('agency', 'SOS');
    folkhalsomyndigheten = await system.organisationId('agency', 'FOHM');
    skr = await system.organisationId('association', 'SKR');
    const need = await api
      .post('/needs')
      .set(system.as(stockholm, 'municipality'))
      .send({
        title: 'Depression hos äldre',
        description: '',
        areaCode: 'health.primary-care',
        targetGroups: ['older-people'],
      })
      .expect(201);
    needId = need.body.id;
    await system.drained();
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('drafts with product type, target groups and audience, and names an unknown code by its index', async () => {
    const unknown = await api
      .post('/supports')
      .set(agency())
      .send({ ...draft('Okänd', []), targetGroups: ['older-people', 'astronauts'] })
      .expect(400)
      .expect('content-type', /application\/problem\+json/);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'targetGroups[1]' })]);
    const noAudience = await api
      .post('/supports')
      .set(agency())
      .send({ ...draft('Ingen', []), audience: { organisationKinds: [], sectors: ['health'] } })
      .expect(400);
    expect(noAudience.body.errors).toEqual([expect.objectContaining({ field: 'audience.organisationKinds' })]);

    const drafted = await api
      .post('/supports')
      .set(agency())
      .send(draft('Depression hos äldre', [needId]))
      .expect(201);
    supportId = drafted.body.id;
    expect(drafted.headers.etag).toBe('"1"');
    expect(drafted.body).toMatchObject({
      productType: 'guidance',
      targetGroups: ['older-people', 'relatives'],
      audience: { organisationKinds: ['municipality', 'region'], sectors: ['health', 'social'] },
      edition: '1.0',
      inForceEdition: null,
    });
    await eventually(async () => expect(await needStage()).toBe('being-addressed'));
  });

  it('lets the co-producer edit on the current version, refuses a stale one with 412 and a missing one with 428', async () => {
    const edited = await api
      .patch(`/supports/${supportId}`)
      .set(agency(folkhalsomyndigheten))
      .set('If-Match', '"1"')
      .send({ summary: 'Reviderad sammanfattning' })
      .expect(200);
    expect(edited.headers.etag).toBe('"2"');
    const stale = await api
      .patch(`/supports/${supportId}`)
      .set(agency())
      .set('If-Match', '"1"')
      .send({ title: 'För sent' })
      .expect(412)
      .expect('content-type', /application\/problem\+json/);
    expect(stale.body).toMatchObject({
      code: 'stale_version',
      current: { version: 2, summary: 'Reviderad sammanfattning' },
    });
    await api.patch(`/supports/${supportId}`).set(agency()).send({ title: 'Utan version' }).expect(428);
    expect((await support()).body).toMatchObject({ title: 'Depression hos äldre', version: 2 });
  });

  it('moves the planned release date only with a reason, kept in the history', async () => {
    const refused = await api
      .patch(`/supports/${supportId}`)
      .set(agency())
      .set('If-Match', '"2"')
      .send({ plannedReleaseDate: '2027-06-01' })
      .expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'rescheduleReason' })]);
    await api
      .patch(`/supports/${supportId}`)
      .set(agency())
      .set('If-Match', '"2"')
      .send({ plannedReleaseDate: '2027-06-01', rescheduleReason: 'Fler remissinstanser ska höras' })
      .expect(200);
    const history = await api.get(`/supports/${supportId}/history`).set(agency()).expect(200);
    expect(history.body.items.map((step: { step: string }) => step.step)).toEqual([
      'support.drafted',
      'support.updated',
      'support.updated',
      'support.rescheduled',
    ]);
    expect(history.body.items.at(-1)).toMatchObject({
      organisationId: socialstyrelsen,
      reason: 'Fler remissinstanser ska höras',
      details: { previousDate: '2027-03-01', plannedReleaseDate: '2027-06-01' },
    });
  });

  it('refuses a revision of a draft, publishes 1.0, and then drafts a major revision beside it', async () => {
    const early = await api
      .post(`/supports/${supportId}/revisions`)
      .set(agency())
      .send({ change: 'major', changeNote: 'För tidigt' })
      .expect(409);
    expect(early.body.code).toBe('not_published');
    await api.post(`/supports/${supportId}/publish`).set(agency()).expect(200);
    await eventually(async () => expect(await needStage()).toBe('answered'));

    await api.post(`/supports/${supportId}/revisions`).set(agency()).send({ change: 'sideways' }).expect(400);
    const revising = await api
      .post(`/supports/${supportId}/revisions`)
      .set(agency())
      .send({ change: 'major', changeNote: 'Ny evidens om behandling' })
      .expect(201);
    expect(revising.body).toMatchObject({ edition: '2.0', inForceEdition: '1.0', revision: { change: 'major' } });
    await api
      .patch(`/supports/${supportId}`)
      .set(agency())
      .set('If-Match', revising.headers.etag)
      .send({ title: 'Depression hos äldre, andra upplagan' })
      .expect(200);
    expect((await support()).body).toMatchObject({
      title: 'Depression hos äldre, andra upplagan',
      inForce: { edition: '1.0', title: 'Depression hos äldre' },
      revision: { edition: '2.0', changeNote: 'Ny evidens om behandling' },
    });
    await api.post(`/supports/${supportId}/publish`).set(agency()).expect(200);
    const versions = await api.get(`/supports/${supportId}/versions`).set(agency()).expect(200);
    expect(
      versions.body.items.map(({ edition, change }: { edition: string; change: string | null }) => [edition, change]),
    ).toEqual([
      ['1.0', null],
      ['2.0', 'major'],
    ]);
  });

  it("takes a region's addition to the published support and lists it with the support and the region's", async () => {
    const addition = await api
      .post(`/supports/${supportId}/regional-additions`)
      .set(system.as(skane, 'region'))
      .send({ title: 'Så gör vi i Skåne', summary: 'Lokala vårdrutiner', url: 'https://vard.skane.se/depression' })
      .expect(201);
    await api
      .post(`/supports/${supportId}/regional-additions`)
      .set(system.as(skane, 'region'))
      .send({ title: 'Utan sammanfattning', url: 'inte en adress' })
      .expect(400);
    expect((await support()).body.regionalAdditions).toEqual([addition.body]);
    const listed = await api.get(`/organisations/${skane}/regional-additions`).set(agency()).expect(200);
    expect(listed.body.items).toEqual([addition.body]);
  });

  it('withdraws with a reason and a replacement that does not answer the need, which goes back to accepted', async () => {
    const replacement = await api.post('/supports').set(agency()).send(draft('Nya riktlinjer', [])).expect(201);
    replacementId = replacement.body.id;
    const noReason = await api.post(`/supports/${supportId}/withdraw`).set(agency()).send({}).expect(400);
    expect(noReason.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'reason' })]));
    await api
      .post(`/supports/${supportId}/withdraw`)
      .set(agency(folkhalsomyndigheten))
      .send({ reason: 'Inte ledaren' })
      .expect(403);
    const itself = await api
      .post(`/supports/${supportId}/withdraw`)
      .set(agency())
      .send({ reason: 'Ersatt', replacedBySupportId: supportId })
      .expect(400);
    expect(itself.body.errors).toEqual([expect.objectContaining({ field: 'replacedBySupportId' })]);

    const withdrawn = await api
      .post(`/supports/${supportId}/withdraw`)
      .set(agency())
      .send({ reason: 'Ersatt av nya riktlinjer', replacedBySupportId: replacementId })
      .expect(200);
    expect(withdrawn.body).toMatchObject({
      status: 'withdrawn',
      withdrawal: { reason: 'Ersatt av nya riktlinjer', replacedBySupportId: replacementId },
    });
    expect(
      (await api.post(`/supports/${supportId}/withdraw`).set(agency()).send({ reason: 'Igen' }).expect(409)).body.code,
    ).toBe('illegal_transition');
    const revision = await api
      .post(`/supports/${supportId}/revisions`)
      .set(agency())
      .send({ change: 'minor', changeNote: 'x' })
      .expect(409);
    expect(revision.body.code).toBe('withdrawn');
    await eventually(async () => expect(await needStage()).toBe('accepted'));
    const timeline = await api.get(`/needs/${needId}/timeline`).set(agency()).expect(200);
    expect(JSON.stringify(timeline.body)).toContain('need.reopened');
    await eventually(async () => {
      const feedback = await api
        .post(`/supports/${supportId}/feedback`)
        .set(system.as(stockholm, 'municipality'))
        .send({ usefulness: 3, applicationStatus: 'applied' });
      expect({ status: feedback.status, code: feedback.body.code }).toEqual({ status: 409, code: 'support_withdrawn' });
    });
    await eventually(async () => {
      const pipeline = await api.get('/pipeline?areaCode=health.primary-care&limit=100').set(agency()).expect(200);
      expect(pipeline.body.supports.items.find((item: { id: string }) => item.id === supportId)).toMatchObject({
        stage: 'withdrawn',
        revisedAt: expect.any(String),
        withdrawnAt: expect.any(String),
      });
    });
  });
});
