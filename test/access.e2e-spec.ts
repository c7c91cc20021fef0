import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import request from 'supertest';
import { Action, Cell, parseMatrixTable, Role, ROLES } from '@styrkedjan/access';
import { eventually, TestSystem } from '@styrkedjan/testing';
import { addDays, nextWorkingDay } from '../apps/consultations/src/consultations/domain/working-days';

const ROOT = join(__dirname, '..');
/** The matrix as the README documents it: every cell is driven through the running system below. */
const MATRIX = parseMatrixTable(readFileSync(join(ROOT, 'README.md'), 'utf8')) as Record<Action, Record<Role, Cell>>;
const AREA = 'health.primary-care';
const UNKNOWN = '0b7e5a3c-8f0e-4c52-9d4e-1f2a3b4c5d6e';
const LOCAL_ROLES: Role[] = ['municipality', 'region', 'profession', 'patient_organisation'];

/** Where each role is held in these tests: the seeded organisation, by kind and code. */
const HOME: Record<Role, [string, string]> = {
  municipality: ['municipality', '0180'],
  region: ['region', '12'],
  profession: ['profession', 'SLF'],
  patient_organisation: ['patient_organisation', 'ARF'],
  agency_editor: ['agency', 'SOS'],
  steering_group: ['association', 'SKR'],
  government: ['government', 'RK-S'],
  organisation_admin: ['association', 'SKR'],
  // The operating organisation the harness configures (PLATFORM_OPERATOR_ORGANISATION_ID).
  platform_operator: ['agency', 'EHM'],
};

/**
 * Identity and access through the gateway, with tokens signed by a test identity provider whose JWKS is
 * served locally: what is refused (401), the whole role × action matrix of the README, no access across
 * organisations, API keys, development tokens, the security log and the rate limits.
 */
describe('identity and access', () => {
  let system: TestSystem;
  let api: ReturnType<typeof request>;
  const home = {} as Record<Role, string>;
  let otherAgency: string; // Skolverket
  let otherMunicipality: string; // Göteborg
  let publishedSupport: string;
  let draftToConsultOn: string; // led by the agency editor's agency, no round yet
  let roundToClose: string; // led by the agency editor's agency
  let roundToAnswer: string; // led by another agency, every home organisation but the operator's consulted

  const as = (role: Role, organisationId = home[role]) => system.as(organisationId, role);

  beforeAll(async () => {
    system = await TestSystem.start();
    api = request(system.url);
    for (const role of ROLES) home[role] = await system.organisationId(...HOME[role]);
    otherAgency = await system.organisationId('agency', 'SKOLV');
    otherMunicipality = await system.organisationId('municipality', '1480');
    const drafted = await api.post('/supports').set(as('agency_editor')).send(draft()).expect(201);
    await api.post(`/supports/${drafted.body.id}/publish`).set(as('agency_editor')).expect(200);
    publishedSupport = drafted.body.id;
    draftToConsultOn = (await api.post('/supports').set(as('agency_editor')).send(draft()).expect(201)).body.id;
    const toClose = (await api.post('/supports').set(as('agency_editor')).send(draft()).expect(201)).body.id;
    const toAnswer = (await api.post('/supports').set(system.as(otherAgency, 'agency_editor')).send(draft())).body.id;
    await system.drained();
    roundToClose = (
      await api
        .post(`/supports/${toClose}/consultations`)
        .set(as('agency_editor'))
        .send(round({ selectors: [{ kind: 'all-regions' }] }))
        .expect(201)
    ).body.id;
    const consulted = ROLES.filter((role) => role !== 'platform_operator' && role !== 'organisation_admin');
    roundToAnswer = (
      await api
        .post(`/supports/${toAnswer}/consultations`)
        .set(system.as(otherAgency, 'agency_editor'))
        .send(round({ organisationIds: consulted.map((role) => home[role]) }))
        .expect(201)
    ).body.id;
  });

  afterAll(async () => {
    await system?.stop();
  });

  describe('refuses every credential it cannot trust with 401', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const cases: [string, () => Record<string, string>][] = [
      ['no credential', () => ({})],
      ['a malformed Authorization header', () => ({ Authorization: 'Basic dXNlcjpwYXNz' })],
      ['a bearer that is not a JWT', () => ({ Authorization: 'Bearer not-a-token' })],
      [
        'an expired token',
        () =>
          system.as(home.municipality, 'municipality', {
            claims: { exp: now() - 60, iat: now() - 660, nbf: now() - 660 },
          }),
      ],
      [
        'a token not valid yet',
        () => system.as(home.municipality, 'municipality', { claims: { nbf: now() + 3600, exp: now() + 7200 } }),
      ],
      ['a token without expiry', () => system.as(home.municipality, 'municipality', { claims: { exp: undefined } })],
      [
        'a token from another issuer',
        () => system.as(home.municipality, 'municipality', { claims: { iss: 'https://idp.example.org/' } }),
      ],
      [
        'a token for another audience',
        () => system.as(home.municipality, 'municipality', { claims: { aud: 'another-api' } }),
      ],
      [
        'an unsigned token (alg none)',
        () => system.as(home.municipality, 'municipality', { header: { alg: 'none' }, unsigned: true }),
      ],
      [
        'a token signed by another key',
        () =>
          system.as(home.municipality, 'municipality', {
            signingKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
          }),
      ],
      [
        'a token whose signature was cut',
        () => ({ Authorization: `Bearer ${system.token(home.municipality, 'municipality').replace(/\.[^.]+$/, '.')}` }),
      ],
      ['a token claiming HS256', () => system.as(home.municipality, 'municipality', { header: { alg: 'HS256' } })],
      [
        'a token with a changed payload',
        () => ({ Authorization: `Bearer ${tamper(system.token(home.municipality, 'municipality'))}` }),
      ],
      ['a token naming no organisation', () => system.as('not-a-uuid', 'municipality')],
      ['a token naming an unknown organisation', () => system.as(UNKNOWN, 'municipality')],
      ['a token without a user', () => system.as(home.municipality, 'municipality', { claims: { sub: undefined } })],
      ['an unknown API key', () => ({ 'X-Api-Key': `stk_${'0'.repeat(32)}_${'a'.repeat(43)}` })],
      [
        'a token and an API key at once',
        () => ({ ...system.as(home.municipality, 'municipality'), 'X-Api-Key': 'stk_x' }),
      ],
    ];

    it.each(cases)('%s', async (_name, headers) => {
      for (const [method, path] of [
        ['get', '/needs'],
        ['post', '/needs'],
        ['get', '/admin/dead-letters'],
        ['get', '/audit'],
      ] as const) {
        const response = await api[method](path)
          .set(headers())
          .send(method === 'post' ? need() : undefined)
          .expect(401)
          .expect('content-type', /application\/problem\+json/);
        expect(response.headers['www-authenticate']).toMatch(/^Bearer realm="styrkedjan"/);
        expect(response.body).toMatchObject({ status: 401, code: 'unauthenticated' });
      }
    });

    it('leaves health and the API docs open, with security headers', async () => {
      const health = await api.get('/health/live').expect(200);
      expect(health.headers['x-content-type-options']).toBe('nosniff');
      expect(health.headers['strict-transport-security']).toBeDefined();
      await api.get('/docs-json').expect(200);
    });

    it('keeps tokens out of the logs', async () => {
      const token = system.token(home.municipality, 'municipality');
      // The service refuses the unknown query parameter; neither it nor the gateway writes the token down.
      await api.get(`/needs?access_token=${token}`).set('Authorization', `Bearer ${token}`).expect(400);
      expect(system.output()).not.toContain(token.split('.')[2]);
    });
  });

  describe('the role × action matrix of the README', () => {
    /** A request that does `action` for the caller's own organisation, and the status that means it was allowed. */
    const perform: Record<Action, (role: Role, organisationId: string) => Promise<request.Response>> = {
      'directory.read': (role) => api.get(`/organisations/${home.municipality}`).set(as(role)),
      'need.read': (role) => api.get('/needs?limit=1').set(as(role)),
      'need.identify': (role, org) => api.post('/needs').set(as(role, org)).send(need()),
      'need.endorse': async (role, org) => {
        // Another organisation's need: one's own cannot be endorsed.
        const other = await api.post('/needs').set(as('municipality', otherMunicipality)).send(need()).expect(201);
        return api.post(`/needs/${other.body.id}/endorsements`).set(as(role, org)).send({ comment: 'Vi med' });
      },
      'need.clarify': async (role, org) => {
        // The caller's own need with a question open; roles that register none answer on a municipality's.
        const submitter = LOCAL_ROLES.includes(role) ? as(role, org) : as('municipality');
        const asked = await needWithQuestion(submitter);
        return api.post(`/needs/${asked}/clarifications`).set(as(role, org)).send({ answer: 'Ett fyrtiotal' });
      },
      'need.triage': async (role) => {
        const registered = await api.post('/needs').set(as('municipality')).send(need()).expect(201);
        return api
          .post(`/needs/${registered.body.id}/triage`)
          .set(as(role))
          .set('If-Match', registered.headers.etag)
          .send({ decision: 'accepted', rationale: 'Nationellt behov', leadAgencyId: home.agency_editor });
      },
      'need.merge': async (role) => {
        const duplicate = await api.post('/needs').set(as('municipality')).send(need()).expect(201);
        const survivor = await api.post('/needs').set(as('region')).send(need()).expect(201);
        return api
          .post(`/needs/${duplicate.body.id}/merge`)
          .set(as(role))
          .send({ intoNeedId: survivor.body.id, rationale: 'Samma behov' });
      },
      'support.read': (role) => api.get(`/supports/${publishedSupport}`).set(as(role)),
      'support.draft': (role, org) => api.post('/supports').set(as(role, org)).send(draft()),
      'support.publish': async (role, org) => {
        // An own draft to publish: made by the agency's editor, then published by the role under test.
        const drafted = await api
          .post('/supports')
          .set(system.as(org === home[role] && role !== 'agency_editor' ? home.agency_editor : org, 'agency_editor'))
          .send(draft())
          .expect(201);
        return api.post(`/supports/${drafted.body.id}/publish`).set(as(role, org));
      },
      'support.edit': async (role, org) => {
        const drafted = await ownDraft(role, org);
        return api
          .patch(`/supports/${drafted.id}`)
          .set(as(role, org))
          .set('If-Match', `"${drafted.version}"`)
          .send({ title: 'Reviderat utkast' });
      },
      'support.revise': async (role, org) => {
        const support = await ownPublished(role, org);
        return api
          .post(`/supports/${support}/revisions`)
          .set(as(role, org))
          .send({ change: 'minor', changeNote: 'Förtydliganden' });
      },
      'support.withdraw': async (role, org) => {
        const support = await ownPublished(role, org);
        return api.post(`/supports/${support}/withdraw`).set(as(role, org)).send({ reason: 'Inaktuell' });
      },
      'support.add-regional-addition': (role, org) =>
        api
          .post(`/supports/${publishedSupport}/regional-additions`)
          .set(as(role, org))
          .send({ title: 'Regionalt tillägg', summary: 'Så gör vi i regionen' }),
      'feedback.read': (role) => api.get(`/supports/${publishedSupport}/feedback`).set(as(role)),
      'feedback.give': (role, org) =>
        api
          .post(`/supports/${publishedSupport}/feedback`)
          .set(as(role, org))
          .send({ usefulness: 4, applicationStatus: 'applied' }),
      'consultation.read': (role) => api.get(`/consultations/${roundToAnswer}`).set(as(role)),
      'consultation.open': (role, org) =>
        api
          .post(`/supports/${draftToConsultOn}/consultations`)
          .set(as(role, org))
          .send(round({ selectors: [{ kind: 'all-patient-organisations' }] })),
      'consultation.manage': (role, org) => api.post(`/consultations/${roundToClose}/close`).set(as(role, org)),
      'consultation.respond': (role, org) =>
        api.put(`/consultations/${roundToAnswer}/responses/mine`).set(as(role, org)).send({ noComments: true }),
      'subscriptions.read': (role, org) => api.get(`/organisations/${org}/subscriptions`).set(as(role)),
      'subscriptions.change': (role, org) =>
        api
          .put(`/organisations/${org}/subscriptions`)
          .set(as(role))
          .send({ areaCodes: [AREA] }),
      'inbox.read': (role, org) => api.get(`/organisations/${org}/notifications`).set(as(role)),
      'inbox.mark-read': (role, org) => api.post(`/organisations/${org}/notifications/read-all`).set(as(role)),
      'pipeline.read': (role) => api.get('/pipeline').set(as(role)),
      'coordination.read': (role) => api.get('/overlaps?limit=1').set(as(role)),
      'overlap.resolve': async (role) => {
        // Two agencies draft the same support; the role under test resolves the overlap found between them.
        const word = `samordning${Math.random().toString(36).slice(2, 8).replace(/\d/g, 'x')}`;
        const same = { ...draft(), title: `Vägledning om ${word}`, summary: `Stöd i ${word} för verksamheterna` };
        await api.post('/supports').set(as('agency_editor')).send(same).expect(201);
        const theirs = await api.post('/supports').set(system.as(otherAgency, 'agency_editor')).send(same).expect(201);
        const overlap = await eventually(async () => {
          const found = await api.get(`/overlaps?agencyId=${otherAgency}&status=open`).set(as('agency_editor'));
          const item = found.body.items.find((o: { support: { id: string }; otherSupport: { id: string } | null }) =>
            [o.support.id, o.otherSupport?.id].includes(theirs.body.id),
          );
          expect(item).toBeDefined();
          return item as { id: string };
        });
        return api
          .post(`/overlaps/${overlap.id}/resolve`)
          .set(as(role))
          .send({ resolution: 'distinct', rationale: 'Olika målgrupper' });
      },
      'events.read': (role) => api.get('/events?limit=1').set(as(role)),
      'audit.read': (role, org) => api.get(`/audit?limit=1&organisationId=${org}`).set(as(role)),
      'dead-letters.manage': (role) => api.get('/admin/dead-letters').set(as(role)),
      'api-keys.manage': (role) => api.get('/api-keys').set(as(role)),
    };
    const ALLOWED: Partial<Record<Action, number>> = {
      'need.identify': 201,
      'need.endorse': 201,
      'need.clarify': 201,
      'support.draft': 201,
      'support.revise': 201,
      'support.add-regional-addition': 201,
      'feedback.give': 201,
      'consultation.open': 201,
    };
    /** Actions whose request names the organisation: `own` cells are also tried on another organisation's. */
    const OWNED_BY_PATH: Action[] = [
      'subscriptions.read',
      'subscriptions.change',
      'inbox.read',
      'inbox.mark-read',
      'audit.read',
    ];

    const cells = Object.entries(MATRIX).flatMap(([action, row]) =>
      Object.entries(row).map(([role, cell]) => [action as Action, role as Role, cell] as const),
    );
    it('covers every action and role', () => {
      expect(cells).toHaveLength(Object.keys(perform).length * ROLES.length);
    });

    it.each(cells)('%s by %s: %s', async (action, role, cell) => {
      const response = await perform[action](role, home[role]);
      if (cell === 'no') {
        expect(response.status).toBe(403);
        expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
        return;
      }
      expect({ status: response.status, body: response.body }).toEqual({
        status: ALLOWED[action] ?? 200,
        body: expect.anything(),
      });
      if (cell === 'own' && OWNED_BY_PATH.includes(action)) {
        const elsewhere = home[role] === home.municipality ? otherMunicipality : home.municipality;
        expect((await perform[action](role, elsewhere)).status).toBe(403);
      }
    });
  });

  describe('no access across organisations', () => {
    it("refuses another organisation's inbox and subscriptions on every route that names it", async () => {
      const stranger = as('region');
      const own = home.municipality;
      await api.get(`/organisations/${own}/subscriptions`).set(stranger).expect(403);
      await api.put(`/organisations/${own}/subscriptions`).set(stranger).send({ areaCodes: [] }).expect(403);
      await api.get(`/organisations/${own}/notifications`).set(stranger).expect(403);
      await api.post(`/organisations/${own}/notifications/read-all`).set(stranger).expect(403);
      await api.post(`/organisations/${own}/notifications/${UNKNOWN}/read`).set(stranger).expect(403);
    });

    it("does not find another organisation's notification through one's own inbox", async () => {
      // The agency was told about the feedback on its support; a municipality cannot mark that read.
      const inbox = await eventually(async () => {
        const response = await api
          .get(`/organisations/${home.agency_editor}/notifications`)
          .set(as('agency_editor'))
          .expect(200);
        expect(response.body.items.length).toBeGreaterThan(0);
        return response.body.items;
      });
      await api
        .post(`/organisations/${home.municipality}/notifications/${inbox[0].id}/read`)
        .set(as('municipality'))
        .expect(404);
    });

    it("refuses an answer to another organisation's question, and an endorsement of one's own need", async () => {
      const asked = await needWithQuestion(as('municipality'));
      const refused = await api
        .post(`/needs/${asked}/clarifications`)
        .set(as('municipality', otherMunicipality))
        .send({ answer: 'Inte vårt' })
        .expect(403)
        .expect('content-type', /application\/problem\+json/);
      expect(refused.body.code).toBe('forbidden');
      const own = await api.post(`/needs/${asked}/endorsements`).set(as('municipality')).send({}).expect(409);
      expect(own.body.code).toBe('own_need');
    });

    it("lets only the lead agency publish, not another agency's editor", async () => {
      const drafted = await api.post('/supports').set(as('agency_editor')).send(draft()).expect(201);
      await api.post(`/supports/${drafted.body.id}/publish`).set(system.as(otherAgency, 'agency_editor')).expect(403);
      await api.post(`/supports/${drafted.body.id}/publish`).set(as('agency_editor')).expect(200);
    });

    it('does not let a body name the organisation, status or role', async () => {
      const needWithOwner = await api
        .post('/needs')
        .set(as('municipality'))
        .send({ ...need(), organisationId: otherMunicipality })
        .expect(400);
      expect(needWithOwner.body.errors).toContainEqual(expect.objectContaining({ field: 'organisationId' }));
      const draftWithLead = await api
        .post('/supports')
        .set(as('agency_editor'))
        .send({ ...draft(), leadAgencyId: otherAgency, status: 'published' })
        .expect(400);
      expect(draftWithLead.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'leadAgencyId',
        'status',
      ]);
      const keyForAnother = await api
        .post('/api-keys')
        .set(as('organisation_admin'))
        .send({ name: 'x', role: 'steering_group', organisationId: otherMunicipality })
        .expect(400);
      expect(keyForAnother.body.errors).toContainEqual(expect.objectContaining({ field: 'organisationId' }));
    });

    it('ignores roles the organisation cannot hold', async () => {
      // A municipality's token that claims agency_editor is a municipality's token with no such role.
      await api
        .post('/supports')
        .set(system.as(home.municipality, ['municipality', 'agency_editor']))
        .send(draft())
        .expect(403);
      await api
        .get('/needs')
        .set(system.as(home.municipality, ['superuser']))
        .expect(403);
    });

    it('reads shared objects of any organisation, by design', async () => {
      const identified = await api.post('/needs').set(as('municipality')).send(need()).expect(201);
      await api.get(`/needs/${identified.body.id}`).set(as('region')).expect(200);
      await api.get(`/supports/${publishedSupport}`).set(as('municipality')).expect(200);
      await api.get(`/organisations/${home.agency_editor}`).set(as('municipality')).expect(200);
    });
  });

  describe('API keys', () => {
    it('are issued once, used, listed without the secret, and stop working when revoked', async () => {
      const admin = system.as(home.municipality, 'organisation_admin');
      const issued = await api
        .post('/api-keys')
        .set(admin)
        .send({ name: 'Ärendesystem', role: 'municipality' })
        .expect(201);
      expect(issued.body).toMatchObject({
        organisationId: home.municipality,
        role: 'municipality',
        lastUsedAt: null,
        revokedAt: null,
        key: expect.stringMatching(/^stk_/),
      });
      const key = issued.body.key as string;

      const identified = await api.post('/needs').set('X-Api-Key', key).send(need()).expect(201);
      expect(identified.body.organisationId).toBe(home.municipality);
      await api.post('/supports').set('X-Api-Key', key).send(draft()).expect(403); // the key's role, not more
      await api.get('/api-keys').set('X-Api-Key', key).expect(403); // a key never administers keys

      const listed = await api.get('/api-keys').set(admin).expect(200);
      expect(listed.body.items).toEqual([
        expect.objectContaining({ id: issued.body.id, lastUsedAt: expect.any(String) }),
      ]);
      expect(JSON.stringify(listed.body)).not.toContain(key.slice(-20));

      await eventually(async () => {
        const events = await api.get(`/events?aggregateId=${identified.body.id}`).set(as('steering_group')).expect(200);
        const event = events.body.items.find(
          (e: { payload: { needId?: string } }) => e.payload.needId === identified.body.id,
        );
        expect(event.actor).toEqual({
          organisationId: home.municipality,
          userId: `api-key:${issued.body.id}`,
          method: 'api-key',
        });
      });

      // Another organisation's administrator does not find it.
      await api
        .delete(`/api-keys/${issued.body.id}`)
        .set(system.as(otherMunicipality, 'organisation_admin'))
        .expect(404);
      await api.post('/needs').set('X-Api-Key', key).send(need()).expect(201);

      const revoked = await api.delete(`/api-keys/${issued.body.id}`).set(admin).expect(200);
      expect(revoked.body.revokedAt).toEqual(expect.any(String));
      await api.post('/needs').set('X-Api-Key', key).send(need()).expect(401);
      await api.delete('/api-keys/not-a-uuid').set(admin).expect(400);
    });

    it('stop working when expired, and are refused with a role the organisation cannot hold', async () => {
      const admin = system.as(home.municipality, 'organisation_admin');
      const issued = await api
        .post('/api-keys')
        .set(admin)
        .send({ name: 'Kortlivad', role: 'municipality', expiresAt: new Date(Date.now() + 3_600_000).toISOString() })
        .expect(201);
      await api.get('/needs').set('X-Api-Key', issued.body.key).expect(200);
      await system.db.query("UPDATE access.api_keys SET expires_at = now() - interval '1 second' WHERE id = $1", [
        issued.body.id,
      ]);
      await api.get('/needs').set('X-Api-Key', issued.body.key).expect(401);

      for (const [body, field] of [
        [{ name: 'x', role: 'agency_editor' }, 'role'],
        [{ name: 'x', role: 'organisation_admin' }, 'role'],
        [{ name: 'x', role: 'platform_operator' }, 'role'],
        [{ name: '', role: 'municipality' }, 'name'],
        [{ name: 'x', role: 'municipality', expiresAt: '2000-01-01T00:00:00Z' }, 'expiresAt'],
        [{ name: 'x', role: 'municipality', expiresAt: '2999-01-01T00:00:00Z' }, 'expiresAt'],
        [{ name: 'x', role: 'municipality', expiresAt: 'tomorrow' }, 'expiresAt'],
      ] as const) {
        const refused = await api
          .post('/api-keys')
          .set(admin)
          .send(body)
          .expect(400)
          .expect('content-type', /application\/problem\+json/);
        expect(refused.body.errors).toContainEqual(expect.objectContaining({ field }));
      }
    });
  });

  describe('the security log', () => {
    it('lists refused credentials, denied actions and key changes for operators and steering', async () => {
      await api
        .get('/needs')
        .set(system.as(home.municipality, 'municipality', { claims: { aud: 'x' } }))
        .expect(401);
      await api.get('/audit').set(as('municipality')).expect(403);
      const audit = await api.get('/audit?limit=200').set(as('platform_operator')).expect(200);
      // Every kind of security event is in the log, however many of each the matrix above left there.
      for (const type of ['access.denied', 'api_key.issued', 'api_key.revoked', 'auth.failed']) {
        const ofType = await api.get(`/audit?type=${type}&limit=1`).set(as('platform_operator')).expect(200);
        expect(ofType.body.items).toEqual([expect.objectContaining({ type })]);
      }
      expect(audit.body.items[0]).toMatchObject({
        type: 'access.denied',
        actor: { organisationId: home.municipality, method: 'jwt' },
        ip: expect.any(String),
        request: 'GET /audit',
        detail: { action: 'audit.read' },
      });
      expect(audit.body.items[1]).toMatchObject({
        type: 'auth.failed',
        actor: { organisationId: null },
        request: 'GET /needs',
        detail: { reason: 'invalid_aud' },
      });

      const denials = await api.get('/audit?type=access.denied&limit=1').set(as('platform_operator')).expect(200);
      expect(denials.body.items).toHaveLength(1);
      const next = await api
        .get(`/audit?type=access.denied&limit=1&cursor=${denials.body.nextCursor}`)
        .set(as('platform_operator'))
        .expect(200);
      expect(next.body.items[0].id).not.toBe(denials.body.items[0].id);
      const bad = await api.get('/audit?type=login&organisationId=x').set(as('platform_operator')).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['organisationId', 'type']);
      await api.get('/audit?cursor=bm9wZQ').set(as('platform_operator')).expect(400);
    });

    it("shows steering groups every organisation's events without the addresses", async () => {
      const audit = await api.get('/audit?limit=200').set(as('steering_group')).expect(200);
      const organisations = new Set(
        audit.body.items.map((e: { actor: { organisationId: string } }) => e.actor.organisationId),
      );
      expect(organisations.size).toBeGreaterThan(2);
      expect(audit.body.items.filter((e: { ip: string | null }) => e.ip !== null)).toEqual([]);
    });

    it("shows an organisation's administrator its own organisation's events only, and refuses another's", async () => {
      // The municipality's administrator issued and revoked keys above; its organisation was denied actions too.
      const admin = system.as(home.municipality, 'organisation_admin');
      const own = await api.get('/audit?limit=200').set(admin).expect(200);
      expect(own.body.items.length).toBeGreaterThan(0);
      for (const event of own.body.items) {
        expect(event.actor.organisationId).toBe(home.municipality);
        expect(event.ip).toEqual(expect.any(String));
      }
      const named = await api.get(`/audit?limit=200&organisationId=${home.municipality}`).set(admin).expect(200);
      expect(named.body.items).toEqual(own.body.items);
      const other = await api
        .get(`/audit?organisationId=${home.steering_group}`)
        .set(admin)
        .expect(403)
        .expect('content-type', /application\/problem\+json/);
      expect(other.body.code).toBe('forbidden');
      const denied = await api.get('/audit?type=access.denied&limit=1').set(as('platform_operator')).expect(200);
      expect(denied.body.items[0]).toMatchObject({
        actor: { organisationId: home.municipality },
        request: 'GET /audit',
        detail: { action: 'audit.read', reason: 'other_organisation' },
      });
    });
  });

  describe('the platform operator', () => {
    // What a member organisation's identity provider can put in a token: every role it likes, the operator's too.
    const memberAdmin = () => system.as(home.municipality, ['municipality', 'organisation_admin', 'platform_operator']);

    it("is no role for a member organisation's administrator, whatever its token claims", async () => {
      for (const [method, path] of [
        ['get', '/admin/dead-letters'],
        ['post', `/admin/dead-letters/${UNKNOWN}/retry`],
        ['get', '/events?limit=1'],
        ['get', `/audit?organisationId=${home.region}`],
      ] as const) {
        const refused = await api[method](path).set(memberAdmin()).expect(403);
        expect([method, path, refused.headers['content-type']]).toEqual([
          method,
          path,
          expect.stringMatching(/application\/problem\+json/),
        ]);
      }
      // Its own organisation's keys and security events it still manages.
      await api.get('/api-keys').set(memberAdmin()).expect(200);
      const own = await api.get('/audit?limit=200').set(memberAdmin()).expect(200);
      for (const event of own.body.items) expect(event.actor.organisationId).toBe(home.municipality);
    });

    it('is held in the operating organisation, and there only in that role', async () => {
      await api.get('/admin/dead-letters').set(as('platform_operator')).expect(200);
      await api.post(`/admin/dead-letters/${UNKNOWN}/retry`).set(as('platform_operator')).expect(404);
      // Another role of the operating organisation is not the operator's.
      await api.get('/admin/dead-letters').set(system.as(home.platform_operator, 'agency_editor')).expect(403);
      await api.get('/admin/dead-letters').set(system.as(home.platform_operator, 'organisation_admin')).expect(403);
    });
  });

  describe('services answer only what the gateway passed on', () => {
    const forgedTitle = 'Förfalskat behov';
    const forged = (organisationId = home.municipality) => ({
      'x-actor-organisation-id': organisationId,
      'x-actor-organisation-kind': 'municipality',
      'x-actor-user-id': 'mallory',
      'x-actor-method': 'jwt',
    });
    const stockholm = () => ({
      organisationId: home.municipality,
      organisationKind: 'municipality' as const,
      userId: 'anna',
      method: 'jwt',
    });
    const needs = () => request(system.serviceUrl('needs'));
    const stored = async () =>
      (await system.db.query('SELECT count(*)::int AS n FROM needs.needs WHERE title = $1', [forgedTitle])).rows[0].n;

    it('refuses forged actor headers sent straight to a service with 401 problem+json, logged, and stores nothing', async () => {
      const body = { ...need(), title: forgedTitle };
      const refused = await needs()
        .post('/needs')
        .set(forged())
        .send(body)
        .expect(401)
        .expect('content-type', /application\/problem\+json/);
      expect(refused.body).toMatchObject({ status: 401, code: 'unauthenticated', instance: '/needs' });
      await needs().get('/needs').set(forged()).expect(401);
      await needs().get(`/needs/${UNKNOWN}`).expect(401);

      // Assertions made for something else: another service, another request, another issuer, another secret.
      const other = system.assertion('supports', 'POST', '/needs', stockholm());
      await needs().post('/needs').set(other).send(body).expect(401);
      const forRead = system.assertion('needs', 'GET', '/needs', stockholm());
      await needs().post('/needs').set(forRead).send(body).expect(401);
      const fromPeer = system.assertion('needs', 'POST', '/needs', stockholm(), 'supports');
      await needs().post('/needs').set(fromPeer).send(body).expect(401);
      const [header, payload] = system
        .assertion('needs', 'POST', '/needs', stockholm())
        ['x-service-assertion'].split('.');
      await needs().post('/needs').set('x-service-assertion', `${header}.${payload}.AAAA`).send(body).expect(401);

      expect(await stored()).toBe(0);
      expect(system.output()).toMatch(/refused POST \/needs from \S+: missing/);

      // The same request as the gateway hands it on is answered, for the organisation the assertion names (headers
      // naming another are ignored).
      const accepted = await needs()
        .post('/needs')
        .set(system.assertion('needs', 'POST', '/needs', stockholm()))
        .set(forged(otherMunicipality))
        .send(body)
        .expect(201);
      expect(accepted.body.organisationId).toBe(home.municipality);
      expect(await stored()).toBe(1);
    });

    it('keeps health open, and the outbox feed for the services that reconcile against it', async () => {
      await needs().get('/health/ready').expect(200);
      await needs().get('/health/live').expect(200);
      const feed = '/outbox/published?consumer=pipeline';
      await needs().get(feed).expect(401);
      await needs()
        .get(feed)
        .set(system.assertion('needs', 'GET', feed))
        .expect(401); // the gateway does not reconcile
      await needs()
        .get(feed)
        .set(system.assertion('needs', 'GET', feed, null, 'pipeline'))
        .expect(200);
      await needs().get('/docs-json').expect(401);
    });
  });

  describe('development tokens', () => {
    let keyDir: string;
    beforeAll(() => (keyDir = mkdtempSync(join(tmpdir(), 'styrkedjan-dev-keys-'))));
    afterAll(() => rmSync(keyDir, { recursive: true, force: true }));

    const token = async (env: Record<string, string>, args: string[]) => {
      const child = spawn(process.execPath, [join(ROOT, 'dist', 'scripts', 'token.js'), ...args], {
        cwd: ROOT,
        // The command reads the gateway's configuration (the audience its tokens are for, the key folder).
        env: {
          PATH: process.env.PATH ?? '',
          AUTH_DEV_KEY_DIR: keyDir,
          AUTH_AUDIENCE: system.identity.audience,
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const [code] = await once(child, 'exit');
      return { code, stdout: stdout.trim(), stderr };
    };

    it('are never issued in production', async () => {
      const refused = await token({ NODE_ENV: 'production' }, ['municipality:0180']);
      expect(refused).toMatchObject({ code: 2, stdout: '' });
      const forced = await token({ NODE_ENV: 'production', AUTH_DEV_TOKENS: 'true' }, ['municipality:0180']);
      expect(forced.code).toBe(2);
      expect(forced.stderr).toContain('AUTH_DEV_TOKENS');
    });

    it('are trusted by a gateway in development mode, for a seeded organisation and role', async () => {
      const issued = await token({ NODE_ENV: 'development' }, ['municipality:0180']);
      expect(issued.code).toBe(0);
      // Not trusted by a gateway that is not in development mode.
      await api.get('/needs').set('Authorization', `Bearer ${issued.stdout}`).expect(401);

      await system.stopService('gateway');
      await system.startService('gateway', { AUTH_DEV_TOKENS: 'true', AUTH_DEV_KEY_DIR: keyDir });
      await api.get('/needs').set('Authorization', `Bearer ${issued.stdout}`).expect(200);
      const wrongRole = await token({ NODE_ENV: 'development' }, ['municipality:0180', '--role', 'agency_editor']);
      expect(wrongRole.code).toBe(2);
      const editor = await token({ NODE_ENV: 'development' }, ['agency:SOS', '--user', 'anna@socialstyrelsen.se']);
      const drafted = await api
        .post('/supports')
        .set('Authorization', `Bearer ${editor.stdout}`)
        .send(draft())
        .expect(201);
      await eventually(async () => {
        const events = await api.get(`/events?aggregateId=${drafted.body.id}`).set(as('steering_group')).expect(200);
        const event = events.body.items.find(
          (e: { payload: { supportId?: string } }) => e.payload.supportId === drafted.body.id,
        );
        expect(event.actor).toEqual({
          organisationId: home.agency_editor,
          userId: 'anna@socialstyrelsen.se',
          method: 'dev-jwt',
        });
      });
    });
  });

  describe('rate limits', () => {
    // The Redis store where the system runs with Redis; on the PostgreSQL-only stack there is none to test.
    const stores = process.env.REDIS_URL ? ['postgres', 'redis'] : ['postgres'];
    it.each(stores)(
      'answer 429 with Retry-After per organisation, per key and per failing address (%s)',
      async (store) => {
        // Counts from earlier tests (failed sign-ins above all) would otherwise carry over into these.
        await system.db.query('DELETE FROM access.rate_limits').catch(() => undefined);
        if (system.redisUrl) {
          const redis = new IORedis(system.redisUrl);
          const counters = await redis.keys(`${system.queuePrefix}:rl:*`);
          if (counters.length) await redis.del(...counters);
          redis.disconnect();
        }
        await system.stopService('gateway');
        await system.startService('gateway', {
          RATE_LIMIT_STORE: store,
          RATE_LIMIT_ORGANISATION: '5',
          RATE_LIMIT_KEY: '2',
          RATE_LIMIT_AUTH_FAILURES: '3',
        });
        // A fresh organisation per store, so counts from earlier tests do not carry over.
        const organisation = await system.organisationId('municipality', store === 'redis' ? '0114' : '0115');
        const caller = system.as(organisation, ['municipality', 'organisation_admin']);
        const issued = await api
          .post('/api-keys')
          .set(caller)
          .send({ name: 'limit', role: 'municipality' })
          .expect(201);
        for (let i = 0; i < 2; i++) await api.get('/needs?limit=1').set('X-Api-Key', issued.body.key).expect(200);
        const keyLimited = await api.get('/needs?limit=1').set('X-Api-Key', issued.body.key).expect(429);
        expect(Number(keyLimited.headers['retry-after'])).toBeGreaterThan(0);

        await api.get('/needs?limit=1').set(caller).expect(200); // the organisation had 4 of its 5
        const limited = await api
          .get('/needs?limit=1')
          .set(caller)
          .expect(429)
          .expect('content-type', /application\/problem\+json/);
        expect(limited.body).toMatchObject({ status: 429, code: 'rate_limited' });
        expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
        await api.get('/needs?limit=1').set(as('region')).expect(200); // another organisation is not affected

        const bad = { Authorization: 'Bearer not-a-token' };
        for (let i = 0; i < 3; i++) await api.get('/needs').set(bad).expect(401);
        const failing = await api.get('/needs').set(bad).expect(429);
        expect(Number(failing.headers['retry-after'])).toBeGreaterThan(0);
      },
    );
  });

  /** A need registered by `submitter`, about which the steering group has asked a question; answers its id. */
  async function needWithQuestion(submitter: Record<string, string>): Promise<string> {
    const registered = await api.post('/needs').set(submitter).send(need()).expect(201);
    await api
      .post(`/needs/${registered.body.id}/triage`)
      .set(as('steering_group'))
      .set('If-Match', registered.headers.etag)
      .send({ decision: 'more-information-needed', rationale: 'Oklart', question: 'Hur många berörs?' })
      .expect(200);
    return registered.body.id;
  }

  /**
   * A draft of the caller's own agency when the caller is an agency's editor; for any other role the gateway refuses
   * before the support is looked at, so the home agency's serves.
   */
  async function ownDraft(role: Role, org: string): Promise<{ id: string; version: number }> {
    const agency = role === 'agency_editor' ? org : home.agency_editor;
    const drafted = await api.post('/supports').set(system.as(agency, 'agency_editor')).send(draft()).expect(201);
    return drafted.body;
  }

  async function ownPublished(role: Role, org: string): Promise<string> {
    const { id } = await ownDraft(role, org);
    const agency = role === 'agency_editor' ? org : home.agency_editor;
    await api.post(`/supports/${id}/publish`).set(system.as(agency, 'agency_editor')).expect(200);
    return id;
  }

  function need() {
    return { title: 'Behov', description: '', areaCode: AREA, targetGroups: ['older-people'] };
  }

  /** A round to the consultees named, closing on the first working day five weeks from now. */
  function round(consultees: object) {
    const closesAt = nextWorkingDay(addDays(new Date().toISOString().slice(0, 10), 35));
    return { consultees, questions: [{ id: 'q1', text: 'Är rekommendationerna genomförbara?' }], closesAt };
  }

  function draft() {
    return {
      title: 'Vägledning',
      summary: 'Sammanfattning',
      areaCode: AREA,
      needIds: [],
      coProducerIds: [],
      plannedReleaseDate: '2027-03-01',
    };
  }
});

function tamper(token: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  return [header, Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url'), signature].join(
    '.',
  );
}
