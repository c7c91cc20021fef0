import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { eventually, TestSystem } from '@styrkedjan/testing';
import {
  addDays,
  endOfSwedishDay,
  nextWorkingDay,
  swedishDateOf,
} from '../apps/consultations/src/consultations/domain/working-days';

const DAY_MS = 86_400_000;

/**
 * A consultation round through the gateway, with the consultations service's clock moved by a file (a test-only
 * setting): opened to the municipalities of a county and two patient organisations, responses with If-Match, a late
 * one refused, an extension, the reminder sent once with two replicas and a restart, the close, every comment
 * answered, and the report as JSON and as streamed CSV.
 */
describe('a consultation round (system)', () => {
  const clockDir = mkdtempSync(join(tmpdir(), 'consultations-clock-'));
  const clockFile = join(clockDir, 'offset');
  const setNow = (at: Date) => writeFileSync(clockFile, String(at.getTime() - Date.now()));
  let system: TestSystem;
  let api: ReturnType<typeof request>;
  let agency: string;
  let region: string;
  let municipalities: string[];
  let patients: string[];
  let stranger: string;

  beforeAll(async () => {
    writeFileSync(clockFile, '0');
    // No periodic sweep during the test: once time is moved past the deadline, it would close the round at once.
    system = await TestSystem.start({
      env: { CONSULTATION_CLOCK_FILE: clockFile, CONSULTATION_SWEEP_MS: String(DAY_MS) },
    });
    api = request(system.url);
    agency = await system.organisationId('agency', 'SOS');
    region = await system.organisationId('region', '03');
    patients = [
      await system.organisationId('patient_organisation', 'ARF'),
      await system.organisationId('patient_organisation', 'NSPH'),
    ];
    stranger = await system.organisationId('municipality', '0180');
    const { rows } = await system.db.query<{ id: string }>(
      "SELECT id FROM directory.organisations WHERE region_id = $1 AND kind = 'municipality' ORDER BY code",
      [region],
    );
    municipalities = rows.map((row) => row.id);
  });

  afterAll(async () => {
    await system?.stop();
    rmSync(clockDir, { recursive: true, force: true });
  });

  const lead = () => system.as(agency, 'agency_editor');
  const asMunicipality = (index: number) => system.as(municipalities[index], 'municipality');
  const events = async (type: string, id: string) =>
    (
      await system.db.query<{ envelope: { payload: Record<string, unknown> } }>(
        `SELECT envelope FROM consultations.outbox WHERE type = $1 AND envelope->'aggregate'->>'id' = $2 ORDER BY position`,
        [type, id],
      )
    ).rows.map((row) => row.envelope.payload);

  it('runs from opening to the report', async () => {
    const drafted = await api
      .post('/supports')
      .set(lead())
      .send({
        title: 'Vård vid depression',
        summary: '',
        areaCode: 'health.primary-care',
        needIds: [],
        coProducerIds: [],
        plannedReleaseDate: null,
      })
      .expect(201);
    const supportId: string = drafted.body.id;
    await system.drained();

    const closesOn = nextWorkingDay(addDays(swedishDateOf(new Date()), 35));
    const body = {
      consultees: {
        organisationIds: patients,
        selectors: [{ kind: 'municipalities-of-county', regionId: region }],
      },
      questions: [{ id: 'q1', text: 'Är rekommendationerna genomförbara?' }],
      sections: [{ id: 'rek', heading: 'Rekommendationer' }],
      closesAt: closesOn,
    };
    const tooSoon = await api
      .post(`/supports/${supportId}/consultations`)
      .set(lead())
      .send({ ...body, closesAt: nextWorkingDay(addDays(swedishDateOf(new Date()), 3)) })
      .expect(400)
      .expect('content-type', /application\/problem\+json/);
    expect(tooSoon.body.errors).toEqual([expect.objectContaining({ field: 'closesAt' })]);
    const opened = await api.post(`/supports/${supportId}/consultations`).set(lead()).send(body).expect(201);
    const round = opened.body;
    expect(round.consultees.map((consultee: { organisationId: string }) => consultee.organisationId).sort()).toEqual(
      [...municipalities, ...patients].sort(),
    );
    await api.post(`/supports/${supportId}/consultations`).set(lead()).send(body).expect(409);
    expect((await api.get(`/supports/${supportId}/consultations`).set(lead()).expect(200)).body.items).toHaveLength(1);

    // The first municipality drafts, edits and submits; a stale If-Match is refused with the current response.
    const path = `/consultations/${round.id}/responses/mine`;
    const draft = {
      answers: [{ questionId: 'q1', text: 'Ja' }],
      comments: [{ sectionId: 'rek', text: 'Förtydliga målgruppen.' }, { text: 'Bra helhet.' }],
    };
    const saved = await api.put(path).set(asMunicipality(0)).send(draft).expect(200);
    expect(saved.headers.etag).toBe('"1"');
    await api.put(path).set(asMunicipality(0)).send(draft).expect(428);
    await api.put(path).set(asMunicipality(0)).set('If-Match', '"1"').send(draft).expect(200);
    const stale = await api.put(path).set(asMunicipality(0)).set('If-Match', '"1"').send(draft).expect(412);
    expect(stale.body.current).toMatchObject({ version: 2 });
    await api.post(`${path}/submit`).set(asMunicipality(0)).set('If-Match', '"2"').expect(200);
    await api.put(path).set(asMunicipality(0)).set('If-Match', '"3"').send(draft).expect(409);
    await api.put(path).set(system.as(stranger, 'municipality')).send(draft).expect(403);
    await api.put(path).set(system.as(patients[0], 'patient_organisation')).send({ noComments: true }).expect(200);
    await api
      .post(`${path}/submit`)
      .set(system.as(patients[0], 'patient_organisation'))
      .set('If-Match', '"1"')
      .expect(200);

    // A second replica, started before time moves (its start sweep would close a round past its deadline).
    await system.startReplica('consultations');
    // After the deadline a late response is refused …
    setNow(new Date(new Date(round.closesAt).getTime() + 60_000));
    const late = await api.put(path).set(asMunicipality(1)).send(draft).expect(409);
    expect(late.body.code).toBe('deadline_passed');

    // … until the lead extends the round; with the second replica running too, the moved reminder comes due in 3 s.
    const extendedOn = nextWorkingDay(addDays(closesOn, 14));
    setNow(new Date(endOfSwedishDay(extendedOn).getTime() - 7 * DAY_MS - 3000));
    const extended = await api
      .post(`/consultations/${round.id}/extend`)
      .set(lead())
      .send({ closesAt: extendedOn, reason: 'Fler kommuner behöver tid' })
      .expect(200);
    expect(extended.body.closesOn).toBe(extendedOn);
    await api.put(path).set(asMunicipality(1)).send(draft).expect(200);
    await api.post(`${path}/submit`).set(asMunicipality(1)).set('If-Match', '"1"').expect(200);

    const reminders = await eventually(async () => {
      const sent = await events('consultation.closing-soon', round.id);
      expect(sent).toHaveLength(1);
      return sent;
    });
    expect((reminders[0].pendingConsulteeIds as string[]).sort()).toEqual(
      [...municipalities.slice(2), patients[1]].sort(),
    );
    // Restarted, the service sweeps its open rounds and finds the reminder sent: still one.
    await system.stopReplicas();
    await system.stopService('consultations');
    await system.startService('consultations', { CONSULTATION_CLOCK_FILE: clockFile });
    await system.drained();
    expect(await events('consultation.closing-soon', round.id)).toHaveLength(1);

    // The lead closes it; only then are comments answered.
    const [comment] = (await api.get(path).set(asMunicipality(0)).expect(200)).body.comments;
    await api
      .post(`/consultations/${round.id}/comments/${comment.id}/answer`)
      .set(lead())
      .send({ outcome: 'accepted', answer: 'Vi förtydligar.' })
      .expect(409);
    await api.post(`/consultations/${round.id}/close`).set(system.as(patients[0], 'agency_editor')).expect(403);
    const closed = await api.post(`/consultations/${round.id}/close`).set(lead()).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', early: true });
    const [closing] = await events('consultation.closed', round.id);
    expect(closing).toMatchObject({ early: true, commentCount: 4 });
    expect(closing.responseRates).toMatchObject({
      byKind: [
        { kind: 'municipality', invited: municipalities.length, responded: 2 },
        { kind: 'patient_organisation', invited: 2, responded: 1 },
      ],
    });
    await api.put(path).set(asMunicipality(2)).send(draft).expect(409);

    await api
      .post(`/consultations/${round.id}/comments/${'0b7e5a3c-8f0e-4c52-9d4e-1f2a3b4c5d6e'}/answer`)
      .set(lead())
      .send({ outcome: 'noted', answer: 'Noterat.' })
      .expect(404);
    const report = await api.get(`/consultations/${round.id}/report`).set(lead()).expect(200);
    expect(report.body.progress).toEqual({ answered: 0, total: 4, text: '0 of 4 answered' });
    const commentIds = report.body.sections.flatMap((section: { comments: { id: string }[] }) =>
      section.comments.map((item) => item.id),
    );
    for (const id of commentIds)
      await api
        .post(`/consultations/${round.id}/comments/${id}/answer`)
        .set(lead())
        .send({ outcome: 'partly-accepted', answer: 'Delvis beaktat.' })
        .expect(200);
    const answeredAgain = await api
      .post(`/consultations/${round.id}/comments/${commentIds[0]}/answer`)
      .set(lead())
      .send({ outcome: 'accepted', answer: 'Beaktat.' })
      .expect(200);
    expect(answeredAgain.body).toMatchObject({ answeredCount: 4, commentCount: 4, outcome: 'accepted' });

    const compiled = await api
      .get(`/consultations/${round.id}/report`)
      .set(system.as(stranger, 'municipality'))
      .expect(200);
    expect(compiled.body.progress.text).toBe('4 of 4 answered');
    expect(compiled.body.sections.map((section: { heading: string }) => section.heading)).toEqual([
      'Allmänna synpunkter',
      'Rekommendationer',
    ]);
    const csv = await api
      .get(`/consultations/${round.id}/report`)
      .set(lead())
      .set('Accept', 'text/csv')
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => done(null, text));
      })
      .expect(200)
      .expect('content-type', /text\/csv/);
    const lines = (csv.body as string).trim().split('\n');
    expect(lines[0]).toBe('section,commentId,organisationId,organisation,comment,outcome,answer,answeredAt');
    expect(lines).toHaveLength(5);
    expect(lines.slice(1).every((line) => /partly-accepted|accepted/.test(line))).toBe(true);
    expect((await events('consultation.comment-answered', round.id)).length).toBe(5);
  });
});
