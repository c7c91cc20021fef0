import request from 'supertest';
import { eventually, TestSystem } from '@styrkedjan/testing';

const AREA = 'social.older-care';
const MUNICIPAL_SOCIAL = { organisationKinds: ['municipality'], sectors: ['social'], professions: [] };

interface Overlap {
  id: string;
  status: string;
  support: { id: string };
  otherSupport: { id: string } | null;
  reasons: { code: string; sv: string; en: string }[];
}

/**
 * Coordination across agencies, through the gateway with every service a separate process: two agencies draft
 * overlapping supports for the same audience, the overlap is found with its reasons, one agency resolves it by
 * coordinating and the other becomes a co-producer; four supports planned for municipal social services within three
 * weeks collide, one is rescheduled with a reason and the collision clears; the calendar and its iCalendar feed show
 * it, and the board lists what is open. Drafts state their audience, product type and target groups (the lifecycle
 * of a support), and a reschedule is a PATCH with its reason.
 */
describe('coordination, end to end', () => {
  let system: TestSystem;
  let api: ReturnType<typeof request>;
  let socialstyrelsen: string;
  let ivo: string;
  let fohm: string;
  let sbu: string;
  let skr: string;

  const agency = (id: string) => system.as(id, 'agency_editor');
  const steering = () => system.as(skr, 'steering_group');
  const draft = (title: string, summary: string, plannedReleaseDate: string | null = null) => ({
    title,
    summary,
    areaCode: AREA,
    needIds: [],
    coProducerIds: [],
    plannedReleaseDate,
    productType: 'guidance',
    targetGroups: ['people-with-dementia', 'relatives'],
    audience: MUNICIPAL_SOCIAL,
  });
  const overlapsOf = async (agencyId: string): Promise<Overlap[]> =>
    (await api.get(`/overlaps?agencyId=${agencyId}&limit=200`).set(steering()).expect(200)).body.items;

  beforeAll(async () => {
    system = await TestSystem.start();
    api = request(system.url);
    socialstyrelsen = await system.organisationId('agency', 'SOS');
    ivo = await system.organisationId('agency', 'IVO');
    fohm = await system.organisationId('agency', 'FOHM');
    sbu = await system.organisationId('agency', 'SBU');
    skr = await system.organisationId('association', 'SKR');
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('finds two agencies writing the same support, and coordinating makes the other a co-producer', async () => {
    const mine = await api
      .post('/supports')
      .set(agency(socialstyrelsen))
      .send(
        draft(
          'Stöd vid demenssjukdom i hemtjänsten',
          'Hur hemtjänstens personal kan bemöta personer med demenssjukdom och stödja deras anhöriga i vardagen.',
        ),
      )
      .expect(201);
    const theirs = await api
      .post('/supports')
      .set(agency(ivo))
      .send(
        draft(
          'Bemötande av personer med demens i hemtjänst',
          'Vägledning för personal i hemtjänst om bemötande av personer med demenssjukdom och stöd till anhöriga.',
        ),
      )
      .expect(201);

    const overlap = await eventually(async () => {
      const [found] = await overlapsOf(ivo);
      expect(found).toBeDefined();
      return found;
    });
    expect([overlap.support.id, overlap.otherSupport?.id].sort()).toEqual([mine.body.id, theirs.body.id].sort());
    expect(overlap.reasons.map((reason) => reason.code)).toEqual(
      expect.arrayContaining(['same-area', 'shared-target-groups', 'shared-audience']),
    );
    // Both agencies see it in their own list.
    expect((await overlapsOf(socialstyrelsen)).map((found) => found.id)).toContain(overlap.id);

    // An agency that is not party to it may not resolve it; the one that is coordinates.
    await api
      .post(`/overlaps/${overlap.id}/resolve`)
      .set(agency(fohm))
      .send({ resolution: 'coordinate', rationale: '' })
      .expect(403);
    const resolved = await api
      .post(`/overlaps/${overlap.id}/resolve`)
      .set(agency(socialstyrelsen))
      .send({ resolution: 'coordinate', rationale: 'Vi tar fram stödet tillsammans' })
      .expect(200);
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      resolution: { resolution: 'coordinate', coProducer: { supportId: mine.body.id, organisationId: ivo } },
    });
    await api
      .post(`/overlaps/${overlap.id}/resolve`)
      .set(agency(ivo))
      .send({ resolution: 'distinct', rationale: 'Olika' })
      .expect(409);

    await eventually(async () => {
      const support = await api.get(`/supports/${mine.body.id}`).set(agency(ivo)).expect(200);
      expect(support.body.coProducerIds).toContain(ivo);
    });
  });

  it('records a collision for municipal social services, clears it on a reschedule, and shows it', async () => {
    const planned: [string, string, string][] = [
      [socialstyrelsen, 'Biståndsbedömning av särskilt boende', '2027-03-01'],
      [fohm, 'Fysisk aktivitet för äldre i kommunen', '2027-03-08'],
      [sbu, 'Utvärdering av välfärdsteknik i hemtjänsten', '2027-03-10'],
      [ivo, 'Tillsyn av läkemedelshantering i särskilt boende', '2027-03-17'],
    ];
    const ids: string[] = [];
    for (const [agencyId, title, day] of planned) {
      const body = { ...draft(title, `${title}.`, day), targetGroups: ['older-people'] };
      ids.push((await api.post('/supports').set(agency(agencyId)).send(body).expect(201)).body.id);
    }
    const calendarOf = async () =>
      (
        await api
          .get('/calendar?from=2027-02-01&to=2027-05-31&audience=municipality:social')
          .set(agency(fohm))
          .expect(200)
      ).body;
    const collision = await eventually(async () => {
      const calendar = await calendarOf();
      const found = calendar.collisions.find((c: { supportIds: string[] }) =>
        ids.every((id) => c.supportIds.includes(id)),
      );
      expect(found).toBeDefined();
      return found as { id: string };
    });
    const feed = await api
      .get('/calendar.ics?from=2027-02-01&to=2027-05-31&audience=municipality:social')
      .set(agency(fohm))
      .expect(200)
      .expect('content-type', /text\/calendar/);
    expect(feed.text).toContain('SUMMARY:Utgivning: Tillsyn av läkemedelshantering i särskilt boende');
    const board = await api.get('/coordination').set(steering()).expect(200);
    expect(board.body['open-collisions'].items.map((c: { collisionId: string }) => c.collisionId)).toContain(
      collision.id,
    );

    // The last one moves to May, with its reason: the audience is within the limit again.
    const current = await api.get(`/supports/${ids[3]}`).set(agency(ivo)).expect(200);
    await api
      .patch(`/supports/${ids[3]}`)
      .set(agency(ivo))
      .set('If-Match', current.headers.etag)
      .send({ plannedReleaseDate: '2027-05-03', rescheduleReason: 'Samordnas med övriga utgivningar' })
      .expect(200);
    await eventually(async () => {
      const calendar = await calendarOf();
      expect(calendar.collisions.map((c: { id: string }) => c.id)).not.toContain(collision.id);
    });
    const csv = await api
      .get('/coordination?list=open-collisions')
      .set(steering())
      .set('Accept', 'text/csv')
      .expect(200)
      .expect('content-type', /text\/csv/);
    expect(csv.text).not.toContain(collision.id);
    const after = await calendarOf();
    expect(after.weeks.at(-1)).toMatchObject({ week: '2027-W18', start: '2027-05-03' });
  });

  it('refuses a calendar over two years naming to, and an unknown audience', async () => {
    const tooLong = await api.get('/calendar?from=2027-01-01&to=2029-06-01').set(steering()).expect(400);
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ field: 'to' })]);
    const unknown = await api.get('/calendar?from=2027-01-01&to=2027-06-01&audience=wizards:magic').set(steering());
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'audience' })]);
  });
});
