import request from 'supertest';
import { eventually, TestSystem } from '@styrkedjan/testing';

/**
 * The one-process mode (`npm start -- --one-process`): every service in a single Node process, each still
 * with its own application, database schema, outbox and queue. The chain must work exactly as apart.
 */
describe('every service in one process', () => {
  let system: TestSystem;
  let api: ReturnType<typeof request>;

  beforeAll(async () => {
    system = await TestSystem.start({ oneProcess: true });
    api = request(system.url);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('carries a need to a published support, alerts the follower, and counts it in the pipeline', async () => {
    const uppsala = await system.organisationId('region', '03');
    const agency = await system.organisationId('agency', 'SOS');
    const region = system.as(uppsala, 'region');
    const editor = system.as(agency, 'agency_editor');
    expect(new Set(system.processes.values()).size).toBe(1);

    await api
      .put(`/organisations/${uppsala}/subscriptions`)
      .set(region)
      .send({ areaCodes: ['social.older-care'] })
      .expect(200);
    const need = await api
      .post('/needs')
      .set(region)
      .send({
        title: 'Stöd vid demens i hemtjänsten',
        description: '',
        areaCode: 'social.older-care',
        targetGroups: ['older-people'],
      })
      .expect(201);
    await system.drained();
    const support = await api
      .post('/supports')
      .set(editor)
      .send({
        title: 'Vägledning demens',
        summary: '',
        areaCode: 'social.older-care',
        needIds: [need.body.id],
        coProducerIds: [],
        plannedReleaseDate: '2027-05-01',
      })
      .expect(201);
    await api.post(`/supports/${support.body.id}/publish`).set(editor).expect(200);

    await eventually(async () => {
      const inbox = await api.get(`/organisations/${uppsala}/notifications`).set(region).expect(200);
      expect(inbox.body.items).toContainEqual(
        expect.objectContaining({ type: 'support.published', subject: { type: 'support', id: support.body.id } }),
      );
      const pipeline = await api.get('/pipeline?areaCode=social.older-care').set(region).expect(200);
      expect(pipeline.body.counts).toMatchObject({ needs: { addressed: 1 }, supports: { published: 1 } });
    });
  });
});
