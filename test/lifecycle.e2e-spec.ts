import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { eventually, TestSystem } from '@styrkedjan/testing';

interface InboxItem {
  type: string;
  reasons: string[];
  title: string;
  message: string;
  messageEn: string;
  link: string | null;
  subject: { type: string; id: string };
}

const AREA = 'social.older-care';
/** The municipalities of Uppsala län (county 03), by code. */
const UPPSALA_LAN = ['0305', '0319', '0330', '0331', '0360', '0380', '0381', '0382'];
const DAY_MS = 24 * 60 * 60 * 1000;

/** A command's answer: 200 with the changed state, or 201 where it made something. */
const succeeded = (response: { status: number }) => expect([200, 201]).toContain(response.status);

/**
 * A day `days` or more from now that is a Swedish working day whatever the year: a Tuesday to Thursday outside the
 * weeks that can hold a public holiday (Christmas to Epiphany, Easter, May to Midsummer), as `YYYY-MM-DD`.
 */
function workingDayFrom(from: Date, days: number): string {
  const day = new Date(from.getTime() + days * DAY_MS);
  const holidayWeeks = (d: Date) => {
    const md = (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
    return md >= 1220 || md <= 110 || (md >= 319 && md <= 427) || (md >= 429 && md <= 627);
  };
  while (![2, 3, 4].includes(day.getUTCDay()) || holidayWeeks(day)) day.setTime(day.getTime() + DAY_MS);
  return day.toISOString().slice(0, 10);
}

/**
 * The whole life of a support through the gateway, every service a separate process: a draft with its
 * audience goes on consultation to the municipalities of a county and two patient organisations, who respond
 * (one too late, until the lead extends the round), the pending ones are reminded once, the round closes, the
 * support cannot be published until every comment is answered, and then the commenters are told with the
 * report; a major revision alerts those concerned and a minor one no one, a region's addition reaches its
 * municipalities, and a withdrawal with a replacement reaches everyone concerned. Asserted in the inboxes.
 *
 * The consultations service reads its time from a file the test writes (CONSULTATION_CLOCK_FILE, refused in
 * production), so the round's deadline passes and its reminder comes due without waiting weeks.
 */
describe('the lifecycle of a support, end to end', () => {
  let system: TestSystem;
  let api: ReturnType<typeof request>;
  const clockDir = mkdtempSync(join(tmpdir(), 'styrkedjan-clock-'));
  const clockFile = join(clockDir, 'offset-ms');
  /** Moves the consultations service's time to `at`. */
  const setClock = (at: Date) => writeFileSync(clockFile, String(at.getTime() - Date.now()));

  let socialstyrelsen: string; // agency: leads the support
  let skr: string; // the steering group
  let uppsala: string; // Region Uppsala: its municipalities are consulted; it writes a regional addition
  let uppsalaMunicipalities: string[]; // the eight municipalities of Uppsala län
  let [uppsalaKommun, enkoping, heby, knivsta]: string[] = [];
  let demf: string; // Demensförbundet, patient organisation
  let arf: string; // Anhörigas Riksförbund, patient organisation
  let stockholm: string; // follows the area
  let goteborg: string; // submitted the need the support answers
  let needId: string;
  let supportId: string;
  let consultationId: string;
  let closesAt: string;

  const roles = new Map<string, string>();
  const as = (organisationId: string) => system.as(organisationId, roles.get(organisationId)!);
  const lead = () => as(socialstyrelsen);

  const inbox = async (organisationId: string): Promise<InboxItem[]> =>
    (await api.get(`/organisations/${organisationId}/notifications?limit=200`).set(as(organisationId)).expect(200)).body
      .items;
  /** The notifications of this type about this subject (a round or a support) in the organisation's inbox. */
  const told = async (organisationId: string, type: string, subjectId: string) =>
    (await inbox(organisationId)).filter((item) => item.type === type && item.subject.id === subjectId);

  /** A draft by the lead agency in the area, answering the need, for municipalities in social services. */
  const draft = (title: string, fields: Record<string, unknown> = {}) =>
    api
      .post('/supports')
      .set(lead())
      .send({
        title,
        summary: '',
        areaCode: AREA,
        needIds: [needId],
        coProducerIds: [],
        productType: 'guidance',
        targetGroups: ['older-people'],
        audience: { organisationKinds: ['municipality'], sectors: ['social'], professions: [] },
        ...fields,
      })
      .expect(201);

  beforeAll(async () => {
    writeFileSync(clockFile, '0');
    system = await TestSystem.start({
      env: {
        CONSULTATION_CLOCK_FILE: clockFile,
        // The deadline is moved by the clock file; the sweep must not close the round behind the test's back.
        CONSULTATION_SWEEP_MS: '3600000',
        CONSULTATION_REMINDER_DAYS: '7',
      },
    });
    api = request(system.url);
    socialstyrelsen = await system.organisationId('agency', 'SOS');
    skr = await system.organisationId('association', 'SKR');
    uppsala = await system.organisationId('region', '03');
    uppsalaKommun = await system.organisationId('municipality', '0380');
    enkoping = await system.organisationId('municipality', '0381');
    heby = await system.organisationId('municipality', '0331');
    knivsta = await system.organisationId('municipality', '0330');
    demf = await system.organisationId('patient_organisation', 'DEMF');
    arf = await system.organisationId('patient_organisation', 'ARF');
    stockholm = await system.organisationId('municipality', '0180');
    goteborg = await system.organisationId('municipality', '1480');
    uppsalaMunicipalities = await Promise.all(UPPSALA_LAN.map((code) => system.organisationId('municipality', code)));
    for (const id of [...uppsalaMunicipalities, stockholm, goteborg]) roles.set(id, 'municipality');
    for (const id of [demf, arf]) roles.set(id, 'patient_organisation');
    roles.set(uppsala, 'region');
    roles.set(socialstyrelsen, 'agency_editor');
    roles.set(skr, 'steering_group');
  });

  afterAll(async () => {
    await system?.stop();
    rmSync(clockDir, { recursive: true, force: true });
  });

  it('drafts a support with its audience, answering an accepted need, in an area someone follows', async () => {
    expect(uppsalaMunicipalities).toHaveLength(8);
    await api
      .put(`/organisations/${stockholm}/subscriptions`)
      .set(as(stockholm))
      .send({ areaCodes: [AREA] })
      .expect(200);
    const need = await api
      .post('/needs')
      .set(as(goteborg))
      .send({
        title: 'Stöd till anhöriga som vårdar personer med demens',
        description: 'Hemtjänsten saknar ett arbetssätt för att stödja anhöriga.',
        areaCode: AREA,
        targetGroups: ['older-people'],
      })
      .expect(201);
    needId = need.body.id;
    await api
      .post(`/needs/${needId}/triage`)
      .set(as(skr))
      .set('If-Match', need.headers.etag)
      .send({ decision: 'accepted', rationale: 'Ett nationellt behov', leadAgencyId: socialstyrelsen })
      .expect(200);

    const drafted = await draft('Stöd till anhöriga vid demenssjukdom', {
      summary: 'Hur kommunens socialtjänst stödjer anhöriga till personer med demenssjukdom.',
      audience: { organisationKinds: ['municipality'], sectors: ['social'], professions: ['biståndshandläggare'] },
    });
    supportId = drafted.body.id;
    expect(drafted.body).toMatchObject({
      productType: 'guidance',
      targetGroups: ['older-people'],
      audience: { organisationKinds: ['municipality'], sectors: ['social'] },
    });
  });

  it('opens a round to the municipalities of Uppsala län and two patient organisations, each invited', async () => {
    const deadline = workingDayFrom(new Date(), 36);
    const opened = await eventually(() =>
      api
        .post(`/supports/${supportId}/consultations`)
        .set(lead())
        .send({
          consultees: {
            organisationIds: [demf, arf],
            selectors: [{ kind: 'municipalities-of-county', regionId: uppsala }],
          },
          questions: [{ id: 'q1', text: 'Går vägledningen att tillämpa i er verksamhet?' }],
          sections: [
            { id: 's1', heading: 'Bedömning av anhörigas behov' },
            { id: 's2', heading: 'Insatser' },
          ],
          closesAt: deadline,
        })
        .expect(201),
    );
    consultationId = opened.body.id;
    closesAt = opened.body.closesAt;
    expect(opened.body).toMatchObject({ status: 'open', edition: '1.0', closesOn: deadline });
    expect(opened.body.consultees).toHaveLength(10);

    for (const consultee of [...uppsalaMunicipalities, demf, arf]) {
      await eventually(async () => {
        expect(await told(consultee, 'consultation.opened', consultationId)).toEqual([
          expect.objectContaining({
            reasons: ['consultee'],
            title: 'Remiss: Stöd till anhöriga vid demenssjukdom',
            message: expect.stringContaining('(utgåva 1.0) på remiss till er. Svara senast'),
            link: `/consultations/${consultationId}`,
          }),
        ]);
      });
    }
    // Neither the region (not chosen) nor a follower of the area is a consultee.
    expect(await told(uppsala, 'consultation.opened', consultationId)).toEqual([]);
    expect(await told(stockholm, 'consultation.opened', consultationId)).toEqual([]);
  });

  /** Saves and submits the organisation's response. */
  async function respond(organisationId: string, body: Record<string, unknown>) {
    const saved = await api
      .put(`/consultations/${consultationId}/responses/mine`)
      .set(as(organisationId))
      .send({ answers: [{ questionId: 'q1', text: 'Ja, med stöd av regionen' }], ...body });
    if (saved.status >= 300) return saved;
    return api
      .post(`/consultations/${consultationId}/responses/mine/submit`)
      .set(as(organisationId))
      .set('If-Match', saved.headers.etag);
  }

  it('takes responses from consultees, refuses a late one, and takes it after the lead extends the round', async () => {
    succeeded(
      await respond(uppsalaKommun, {
        comments: [
          { sectionId: 's1', text: 'Bedömningen bör göras tillsammans med den anhöriga.' },
          { sectionId: 's2', text: 'Avlösning i hemmet saknas bland insatserna.' },
        ],
      }),
    );
    succeeded(await respond(demf, { comments: [{ text: 'Ta med anhörigas egen hälsa.' }] }));
    succeeded(await respond(enkoping, { comments: [], noComments: true }));
    // Not a consultee.
    expect((await respond(stockholm, { comments: [{ text: 'Vi vill också tycka till' }] })).status).toBe(403);

    // The deadline has passed: it is six days before the new deadline the lead will give, so once the round is
    // extended its reminder (seven days before) is due at once.
    const newDeadline = workingDayFrom(new Date(closesAt), 10);
    setClock(new Date(Date.parse(`${newDeadline}T12:00:00Z`) - 6 * DAY_MS));
    const late = await respond(heby, { comments: [{ sectionId: 's2', text: 'Korttidsplatser behövs.' }] });
    expect(late.status).toBe(409);
    expect(late.headers['content-type']).toMatch(/application\/problem\+json/);

    await api
      .post(`/consultations/${consultationId}/extend`)
      .set(lead())
      .send({ closesAt: newDeadline, reason: 'Flera kommuner bad om mer tid' })
      .expect(succeeded);
    for (const consultee of [heby, uppsalaKommun, arf]) {
      await eventually(async () => {
        expect(await told(consultee, 'consultation.extended', consultationId)).toEqual([
          expect.objectContaining({
            reasons: ['consultee'],
            message: expect.stringContaining('Skäl: Flera kommuner bad om mer tid'),
          }),
        ]);
      });
    }
  });

  it('reminds the consultees that have not submitted, once', async () => {
    const submitted = [uppsalaKommun, demf, enkoping];
    const pending = [...uppsalaMunicipalities, demf, arf].filter((id) => !submitted.includes(id));
    expect(pending).toHaveLength(7);
    for (const consultee of pending) {
      await eventually(
        async () => {
          expect(await told(consultee, 'consultation.closing-soon', consultationId)).toEqual([
            expect.objectContaining({
              reasons: ['consultee'],
              title: 'Påminnelse: remissen av Stöd till anhöriga vid demenssjukdom stänger snart',
            }),
          ]);
        },
        { timeoutMs: 60_000 },
      );
    }
    await system.drained();
    for (const consultee of pending)
      expect(await told(consultee, 'consultation.closing-soon', consultationId)).toHaveLength(1);
    for (const consultee of submitted)
      expect(await told(consultee, 'consultation.closing-soon', consultationId)).toEqual([]);

    // Within the extended round, the late one is taken.
    succeeded(await respond(heby, { comments: [{ sectionId: 's2', text: 'Korttidsplatser behövs.' }] }));
  });

  it('closes, telling the lead agency how many responded and how many comments to answer', async () => {
    await api.post(`/consultations/${consultationId}/close`).set(lead()).expect(succeeded);
    await eventually(async () => {
      expect(await told(socialstyrelsen, 'consultation.closed', consultationId)).toEqual([
        expect.objectContaining({
          reasons: ['your_consultation'],
          message: '4 av 10 remissinstanser har svarat (40 %), med 4 synpunkter att besvara.',
          link: `/consultations/${consultationId}/report`,
        }),
      ]);
    });
  });

  it('refuses to publish while comments are unanswered, and publishes once every one is answered', async () => {
    const refused = await eventually(async () => {
      const response = await api.post(`/supports/${supportId}/publish`).set(lead()).expect(409);
      expect(JSON.stringify(response.body)).toMatch(/4 of 4/);
      return response;
    });
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);

    const report = await api.get(`/consultations/${consultationId}/report`).set(lead()).expect(200);
    expect(report.body.progress).toMatchObject({ answered: 0, total: 4, text: '0 of 4 answered' });
    const commentIds: string[] = report.body.sections.flatMap((section: { comments: { id: string }[] }) =>
      section.comments.map((comment) => comment.id),
    );
    expect(commentIds).toHaveLength(4);
    for (const [i, commentId] of commentIds.entries()) {
      await api
        .post(`/consultations/${consultationId}/comments/${commentId}/answer`)
        .set(lead())
        .send({ outcome: i % 2 ? 'accepted' : 'noted', answer: 'Tack, vi har förtydligat avsnittet.' })
        .expect(succeeded);
    }
    const answered = await api.get(`/consultations/${consultationId}/report`).set(lead()).expect(200);
    expect(answered.body.progress.text).toBe('4 of 4 answered');
    await eventually(() => api.post(`/supports/${supportId}/publish`).set(lead()).expect(200));
  });

  it('tells the commenters, with the report, besides the follower and the need’s submitter', async () => {
    for (const commenter of [uppsalaKommun, demf, heby]) {
      await eventually(async () => {
        expect(await told(commenter, 'support.published', supportId)).toEqual([
          expect.objectContaining({
            reasons: ['commented'],
            title: 'Era synpunkter har besvarats: Stöd till anhöriga vid demenssjukdom',
            link: `/consultations/${consultationId}/report`,
          }),
        ]);
      });
    }
    await eventually(async () => {
      expect(await told(stockholm, 'support.published', supportId)).toEqual([
        expect.objectContaining({ reasons: ['subscribed_area'] }),
      ]);
      expect(await told(goteborg, 'support.published', supportId)).toEqual([
        expect.objectContaining({ reasons: ['answers_your_need'] }),
      ]);
    });
    await system.drained();
    // Responding without comments, or not at all, is not commenting.
    for (const silent of [enkoping, arf, knivsta])
      expect(await told(silent, 'support.published', supportId)).toEqual([]);
  });

  it('alerts the follower, the need’s submitter and an organisation that applies it of a major revision, and no one of a minor one', async () => {
    await eventually(() =>
      api
        .post(`/supports/${supportId}/feedback`)
        .set(as(knivsta))
        .send({ usefulness: 5, applicationStatus: 'applied', comment: 'Införd i hemtjänsten.' })
        .expect(201),
    );
    await system.drained();

    await api
      .post(`/supports/${supportId}/revisions`)
      .set(lead())
      .send({ change: 'major', changeNote: 'Nya rekommendationer om avlösning' })
      .expect(succeeded);
    await eventually(() => api.post(`/supports/${supportId}/publish`).set(lead()).expect(200));
    for (const [organisation, reason] of [
      [stockholm, 'subscribed_area'],
      [goteborg, 'answers_your_need'],
      [knivsta, 'applied_it'],
    ]) {
      await eventually(async () => {
        expect(await told(organisation, 'support.revised', supportId)).toEqual([
          expect.objectContaining({
            reasons: [reason],
            title: 'Ny utgåva: Stöd till anhöriga vid demenssjukdom 2.0',
            message: expect.stringContaining('Ändring: Nya rekommendationer om avlösning'),
          }),
        ]);
      });
    }

    await api
      .post(`/supports/${supportId}/revisions`)
      .set(lead())
      .send({ change: 'minor', changeNote: 'Rättade länkar' })
      .expect(succeeded);
    await eventually(() => api.post(`/supports/${supportId}/publish`).set(lead()).expect(200));
    const versions = await api.get(`/supports/${supportId}/versions`).set(lead()).expect(200);
    expect(JSON.stringify(versions.body)).toContain('2.1');
    await system.drained();
    // The major revision's notification only; the round's commenters were asked about 1.0, not the revisions.
    for (const organisation of [stockholm, goteborg, knivsta])
      expect((await told(organisation, 'support.revised', supportId)).map((item) => item.title)).toEqual([
        'Ny utgåva: Stöd till anhöriga vid demenssjukdom 2.0',
      ]);
    for (const commenter of [uppsalaKommun, demf, heby])
      expect(await told(commenter, 'support.revised', supportId)).toEqual([]);
  });

  it('tells the municipalities of the region of its regional addition, and no one else', async () => {
    await api
      .post(`/supports/${supportId}/regional-additions`)
      .set(as(uppsala))
      .send({ title: 'Anhörigstöd i Uppsala län', summary: 'Hur kommunerna och regionen samverkar kring avlösning.' })
      .expect(201);
    for (const municipality of uppsalaMunicipalities) {
      await eventually(async () => {
        expect(await told(municipality, 'support.regional-addition-published', supportId)).toEqual([
          expect.objectContaining({
            reasons: ['in_your_region'],
            message:
              'Region Uppsala har publicerat ett regionalt tillägg till "Stöd till anhöriga vid demenssjukdom": Anhörigstöd i Uppsala län',
            link: `/organisations/${uppsala}/regional-additions`,
          }),
        ]);
      });
    }
    await system.drained();
    for (const other of [uppsala, stockholm, goteborg, demf])
      expect(await told(other, 'support.regional-addition-published', supportId)).toEqual([]);
  });

  it('tells everyone concerned of a withdrawal, with its reason and its replacement', async () => {
    const replacement = await draft('Anhörigstöd vid kognitiv sjukdom', {
      summary: 'Ersätter vägledningen om demenssjukdom.',
    });
    const replacementId: string = replacement.body.id;
    await api.post(`/supports/${replacementId}/publish`).set(lead()).expect(200);
    await system.drained();

    await api
      .post(`/supports/${supportId}/withdraw`)
      .set(lead())
      .send({ reason: 'Ersatt av bredare kunskapsstöd', replacedBySupportId: replacementId })
      .expect(succeeded);
    for (const [organisation, reason] of [
      [stockholm, 'subscribed_area'],
      [goteborg, 'answers_your_need'],
      [knivsta, 'applied_it'],
    ]) {
      await eventually(async () => {
        expect(await told(organisation, 'support.withdrawn', supportId)).toEqual([
          expect.objectContaining({
            reasons: [reason],
            title: 'Återkallat: Stöd till anhöriga vid demenssjukdom',
            message: expect.stringContaining(
              'Det ersätts av "Anhörigstöd vid kognitiv sjukdom". Skäl: Ersatt av bredare kunskapsstöd',
            ),
            link: `/supports/${replacementId}`,
          }),
        ]);
      });
    }
  });

  it('sends a round to the followers of the support’s area as the notifications service last told them', async () => {
    writeFileSync(clockFile, '0');
    const round = (id: string) =>
      api
        .post(`/supports/${id}/consultations`)
        .set(lead())
        .send({
          consultees: { selectors: [{ kind: 'area-followers' }] },
          questions: [{ id: 'q1', text: 'Saknas något?' }],
          closesAt: workingDayFrom(new Date(), 36),
        });
    const followed = await draft('Anhörigstöd i hemtjänsten');
    await system.drained();
    const opened = await round(followed.body.id).expect(201);
    expect(opened.body.consultees.map((c: { organisationId: string }) => c.organisationId)).toEqual([stockholm]);
    await eventually(async () => {
      expect(await told(stockholm, 'consultation.opened', opened.body.id)).toHaveLength(1);
    });

    // Following nothing any more is recorded as the whole, empty, set: the next round has no one to go to.
    await api.put(`/organisations/${stockholm}/subscriptions`).set(as(stockholm)).send({ areaCodes: [] }).expect(200);
    const unfollowed = await draft('Anhörigstöd i korttidsboende');
    await system.drained();
    const empty = await round(unfollowed.body.id).expect(400);
    expect(JSON.stringify(empty.body.errors)).toContain('consultees');
  });
});
