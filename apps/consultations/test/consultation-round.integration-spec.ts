import { randomUUID } from 'node:crypto';
import { QueryBus as QueryBusOf } from '@nestjs/cqrs';
import { toProblem } from '@styrkedjan/platform';
import { actingAs, refusalOf, ServiceTestbed } from '@styrkedjan/testing';
import { AnswerCommentCommand } from '../src/consultations/commands/answer-comment/answer-comment.command';
import { CloseConsultationCommand } from '../src/consultations/commands/close-consultation/close-consultation.command';
import { ExtendConsultationCommand } from '../src/consultations/commands/extend-consultation/extend-consultation.command';
import {
  OpenConsultation,
  OpenConsultationCommand,
} from '../src/consultations/commands/open-consultation/open-consultation.command';
import { SaveResponseCommand } from '../src/consultations/commands/save-response/save-response.command';
import { SendReminderCommand } from '../src/consultations/commands/send-reminder/send-reminder.command';
import { SubmitResponseCommand } from '../src/consultations/commands/submit-response/submit-response.command';
import { endOfSwedishDay, nextWorkingDay } from '../src/consultations/domain/working-days';
import { GetReportQuery } from '../src/consultations/queries/get-report/get-report.query';
import { knowDraft, knowOrganisation, startConsultationsTestbed, workingDayIn } from './consultations.testbed';

/** A round from opening to its report, and every refusal on the way, against real PostgreSQL. */
describe('a consultation round (integration)', () => {
  let testbed: ServiceTestbed;
  let setNow: (at: Date) => void;
  const agency = randomUUID();
  const otherAgency = randomUUID();
  const region = randomUUID();
  const otherRegion = randomUUID();
  const [solna, sundbyberg, uppsala] = [randomUUID(), randomUUID(), randomUUID()];
  const patients = randomUUID();
  const follower = randomUUID();
  const stranger = randomUUID();
  const lead = () => actingAs(agency, 'agency');

  beforeAll(async () => {
    ({ testbed, setNow } = await startConsultationsTestbed());
    await knowOrganisation(testbed, agency, 'agency');
    await knowOrganisation(testbed, otherAgency, 'agency');
    await knowOrganisation(testbed, region, 'region', region);
    await knowOrganisation(testbed, otherRegion, 'region', otherRegion);
    await knowOrganisation(testbed, solna, 'municipality', region);
    await knowOrganisation(testbed, sundbyberg, 'municipality', region);
    await knowOrganisation(testbed, uppsala, 'municipality', otherRegion);
    await knowOrganisation(testbed, patients, 'patient_organisation');
    await knowOrganisation(testbed, follower, 'profession');
    await knowOrganisation(testbed, stranger, 'municipality', otherRegion);
    await testbed.db.query(
      `INSERT INTO followed_areas (organisation_id, area_codes, replaced_at) VALUES ($1, '{health.primary-care}', now())`,
      [follower],
    );
  });

  afterAll(async () => {
    await testbed?.stop();
  });

  beforeEach(() => setNow(new Date()));

  const request = (overrides: Partial<OpenConsultation> = {}): OpenConsultation => ({
    consultees: {
      organisationIds: [patients],
      selectors: [{ kind: 'municipalities-of-county', regionId: region }, { kind: 'area-followers' }],
    },
    questions: [{ id: 'q1', text: 'Är rekommendationerna genomförbara?' }],
    sections: [
      { id: 's1', heading: 'Rekommendationer' },
      { id: 's2', heading: 'Uppföljning' },
    ],
    closesAt: workingDayIn(35),
    snapToFixedDate: false,
    documentUrl: 'https://example.org/remiss.pdf',
    ...overrides,
  });

  async function newDraft(leadAgency = agency): Promise<string> {
    const supportId = randomUUID();
    await knowDraft(testbed, supportId, leadAgency);
    return supportId;
  }

  const open = async (overrides: Partial<OpenConsultation> = {}, supportId?: string) =>
    testbed.execute(new OpenConsultationCommand(lead(), supportId ?? (await newDraft()), request(overrides)));

  const outboxOf = async (type: string) => (await testbed.outbox()).filter((row) => row.type === type);

  it('opens a round to a fixed list of consultees, the lead excluded, with consultation.opened', async () => {
    const supportId = await newDraft();
    const round = await open({ consultees: { organisationIds: [patients, agency], selectors: [] } }, supportId);
    expect(round).toMatchObject({ supportId, edition: '1.0', status: 'open', closesOn: request().closesAt });
    expect(round.consultees.map((consultee) => consultee.organisationId)).toEqual([patients]);
    expect(round.closesAt).toBe(endOfSwedishDay(request().closesAt).toISOString());
    const [opened] = (await outboxOf('consultation.opened')).filter((row) => row.envelope.aggregate.id === round.id);
    expect(opened.envelope.payload).toMatchObject({
      consultationId: round.id,
      supportId,
      edition: '1.0',
      consulteeIds: [patients],
      closesAt: round.closesAt,
      areaCode: 'health.primary-care',
    });
  });

  it('resolves selectors: a county’s municipalities and the area’s followers', async () => {
    const round = await open();
    expect(round.consultees.map((consultee) => consultee.organisationId).sort()).toEqual(
      [patients, follower, solna, sundbyberg].sort(),
    );
  });

  it('snaps to the next fixed consultation date at least four weeks away', async () => {
    const round = await open({ snapToFixedDate: true, closesAt: workingDayIn(1) });
    expect(['02-15', '02-16', '04-15', '04-16', '09-15', '09-16', '11-15', '11-16', '11-17']).toContain(
      round.closesOn.slice(5),
    );
    expect(new Date(round.closesAt).getTime() - Date.now()).toBeGreaterThan(28 * 86_400_000);
  });

  it.each<[string, () => Partial<OpenConsultation>, unknown]>([
    ['a deadline in the past', () => ({ closesAt: '2020-03-02' }), /in the past/],
    ['a deadline too soon', () => ({ closesAt: workingDayIn(7) }), /at least 4 weeks/],
    ['a deadline on a holiday', () => ({ closesAt: midsummerEveNextYear() }), /Swedish working day.*midsommarafton/],
    ['no consultees', () => ({ consultees: { organisationIds: [], selectors: [] } }), /names no organisation/],
    [
      'only the lead as consultee',
      () => ({ consultees: { organisationIds: [agency], selectors: [] } }),
      /names no organisation/,
    ],
  ])('refuses %s with 400 naming the field, writing nothing', async (_, overrides, message) => {
    const before = await testbed.counts('consultations', 'consultees');
    const problem = await refusalOf(open(overrides()));
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([
      expect.objectContaining({
        field: expect.stringMatching(/^(closesAt|consultees)$/),
        message: expect.stringMatching(message as RegExp),
      }),
    ]);
    expect(await testbed.counts('consultations', 'consultees')).toEqual(before);
  });

  it('names the index of an unknown consultee and of a county that is no region', async () => {
    const unknown = await refusalOf(open({ consultees: { organisationIds: [patients, randomUUID()], selectors: [] } }));
    expect(unknown.errors).toEqual([expect.objectContaining({ field: 'consultees.organisationIds[1]' })]);
    const notARegion = await refusalOf(
      open({ consultees: { organisationIds: [], selectors: [{ kind: 'municipalities-of-county', regionId: solna }] } }),
    );
    expect(notARegion.errors).toEqual([expect.objectContaining({ field: 'consultees.selectors[0].regionId' })]);
  });

  it('opens only on a known draft the caller leads, one open round per edition', async () => {
    expect((await refusalOf(open({}, randomUUID()))).status).toBe(404);
    const theirs = await newDraft(otherAgency);
    expect((await refusalOf(open({}, theirs))).status).toBe(403);
    const published = await newDraft();
    await testbed.db.query(
      "UPDATE known_supports SET status = 'published', draft_edition = NULL WHERE support_id = $1",
      [published],
    );
    expect(await refusalOf(open({}, published))).toMatchObject({ status: 409, code: 'not_a_draft' });
    const twice = await newDraft();
    await open({}, twice);
    expect(await refusalOf(open({}, twice))).toMatchObject({ status: 409, code: 'consultation_open' });
  });

  it('takes one response per consultee: drafts with If-Match, submit once, then no edits', async () => {
    const round = await open();
    const solnaUser = actingAs(solna, 'municipality');
    const content = {
      answers: [{ questionId: 'q1', text: 'Ja, med stöd.' }],
      comments: [
        { sectionId: 's1', text: 'Förtydliga målgruppen.' },
        { sectionId: null, text: 'Bra helhet.' },
      ],
      noComments: false,
    };
    const first = await testbed.execute(new SaveResponseCommand(solnaUser, round.id, null, content));
    expect(first).toMatchObject({ status: 'draft', version: 1, comments: [{ sectionId: 's1' }, { sectionId: null }] });
    expect(await refusalOf(testbed.execute(new SaveResponseCommand(solnaUser, round.id, null, content)))).toMatchObject(
      { status: 428 },
    );
    const second = await testbed.execute(new SaveResponseCommand(solnaUser, round.id, 1, content));
    expect(second.version).toBe(2);
    const stale = await refusalOf(testbed.execute(new SaveResponseCommand(solnaUser, round.id, 1, content)));
    expect(stale).toMatchObject({ status: 412, current: expect.objectContaining({ version: 2 }) });
    expect(await refusalOf(testbed.execute(new SubmitResponseCommand(solnaUser, round.id, 1)))).toMatchObject({
      status: 412,
    });
    const submitted = await testbed.execute(new SubmitResponseCommand(solnaUser, round.id, 2));
    expect(submitted).toMatchObject({ status: 'submitted', submittedAt: expect.any(String) });
    const [event] = (await outboxOf('consultation.response-submitted')).filter(
      (row) => row.envelope.aggregate.id === round.id,
    );
    expect(event.envelope.payload).toMatchObject({ organisationId: solna, commentCount: 2, noComments: false });
    expect(await refusalOf(testbed.execute(new SaveResponseCommand(solnaUser, round.id, 3, content)))).toMatchObject({
      status: 409,
      code: 'response_submitted',
    });
  });

  it('lets one of two first saves of an organisation in, and refuses the other without a 500', async () => {
    const round = await open();
    const save = () =>
      testbed.execute(
        new SaveResponseCommand(actingAs(sundbyberg, 'municipality'), round.id, null, {
          answers: [],
          comments: [{ sectionId: null, text: 'Samtidigt' }],
          noComments: false,
        }),
      );
    const outcomes = await Promise.allSettled([save(), save()]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected')!;
    // 428 when the other's draft was committed before this one looked (send its ETag), 412 when both inserted.
    expect([412, 428]).toContain(toProblem(rejected.reason).status);
  });

  it('refuses a non-consultee (403), an unknown question (400) and a response after the deadline (409)', async () => {
    const round = await open();
    const none = { answers: [], comments: [], noComments: true };
    const before = await testbed.counts('responses', 'comments');
    expect(
      (
        await refusalOf(
          testbed.execute(new SaveResponseCommand(actingAs(stranger, 'municipality'), round.id, null, none)),
        )
      ).status,
    ).toBe(403);
    const unknownQuestion = await refusalOf(
      testbed.execute(
        new SaveResponseCommand(actingAs(solna, 'municipality'), round.id, null, {
          answers: [{ questionId: 'q9', text: '?' }],
          comments: [{ sectionId: 's9', text: '?' }],
          noComments: false,
        }),
      ),
    );
    expect(unknownQuestion.errors).toEqual([
      expect.objectContaining({ field: 'answers[0].questionId' }),
      expect.objectContaining({ field: 'comments[0].sectionId' }),
    ]);
    // Refused, each leaves nothing written.
    expect(await testbed.counts('responses', 'comments')).toEqual(before);
    setNow(new Date(new Date(round.closesAt).getTime() + 60_000));
    const late = await refusalOf(
      testbed.execute(new SaveResponseCommand(actingAs(sundbyberg, 'municipality'), round.id, null, none)),
    );
    expect(late).toMatchObject({ status: 409, code: 'deadline_passed' });
    // The lead extends: the late consultee is taken again, and the reminder moves with the deadline.
    const later = nextWorkingDay(addDaysTo(round.closesOn, 14));
    const extendedBefore = (await outboxOf('consultation.extended')).length;
    const extended = await testbed.execute(new ExtendConsultationCommand(lead(), round.id, later, 'Fler svar behövs'));
    expect(extended).toMatchObject({ closesOn: later, version: 2 });
    expect(new Date(extended.remindAt).getTime()).toBe(new Date(extended.closesAt).getTime() - 7 * 86_400_000);
    await testbed.execute(new SaveResponseCommand(actingAs(sundbyberg, 'municipality'), round.id, null, none));
    const [event] = (await outboxOf('consultation.extended')).filter((row) => row.envelope.aggregate.id === round.id);
    expect(event.envelope.payload).toMatchObject({ previousClosesAt: round.closesAt, reason: 'Fler svar behövs' });
    expect(
      await refusalOf(testbed.execute(new ExtendConsultationCommand(lead(), round.id, round.closesOn, 'Tidigare'))),
    ).toMatchObject({ status: 400, errors: [expect.objectContaining({ field: 'closesAt' })] });
    expect(await outboxOf('consultation.extended')).toHaveLength(1 + extendedBefore);
  });

  it('reminds the pending consultees once, when due', async () => {
    const round = await open();
    await testbed.execute(
      new SaveResponseCommand(actingAs(patients, 'patient_organisation'), round.id, null, {
        answers: [],
        comments: [],
        noComments: true,
      }),
    );
    await testbed.execute(new SubmitResponseCommand(actingAs(patients, 'patient_organisation'), round.id, 1));
    const remind = () =>
      testbed.execute(
        new SendReminderCommand({ principal: null, system: true, correlationId: 'r', idempotency: null }, round.id),
      );
    expect(await remind()).toBe(false); // not due yet
    setNow(new Date(new Date(round.remindAt).getTime() + 1000));
    expect(await Promise.all([remind(), remind(), remind()])).toEqual(expect.arrayContaining([true, false, false]));
    const reminders = (await outboxOf('consultation.closing-soon')).filter(
      (row) => row.envelope.aggregate.id === round.id,
    );
    expect(reminders).toHaveLength(1);
    expect((reminders[0].envelope.payload as { pendingConsulteeIds: string[] }).pendingConsulteeIds.sort()).toEqual(
      [follower, solna, sundbyberg].sort(),
    );
  });

  it('closes with rates by kind and county, then takes answers and compiles the report', async () => {
    const round = await open();
    const respond = async (organisationId: string, kind: 'municipality' | 'profession', texts: string[]) => {
      const context = actingAs(organisationId, kind);
      await testbed.execute(
        new SaveResponseCommand(context, round.id, null, {
          answers: [],
          comments: texts.map((text, index) => ({ sectionId: index % 2 ? 's2' : null, text })),
          noComments: false,
        }),
      );
      return testbed.execute(new SubmitResponseCommand(context, round.id, 1));
    };
    const solnas = await respond(solna, 'municipality', ['Allmänt', 'Om uppföljning']);
    await respond(follower, 'profession', ['Från professionen']);
    const commentId = solnas.comments[0].id;
    expect(
      await refusalOf(testbed.execute(new AnswerCommentCommand(lead(), round.id, commentId, 'accepted', 'Ja'))),
    ).toMatchObject({ status: 409, code: 'consultation_open' });
    expect(
      (await refusalOf(testbed.execute(new CloseConsultationCommand(actingAs(otherAgency, 'agency'), round.id, true))))
        .status,
    ).toBe(403);
    const closed = await testbed.execute(new CloseConsultationCommand(lead(), round.id, true));
    expect(closed).toMatchObject({ status: 'closed', early: true });
    const [event] = (await outboxOf('consultation.closed')).filter((row) => row.envelope.aggregate.id === round.id);
    expect(event.envelope.payload).toMatchObject({
      early: true,
      commentCount: 3,
      respondents: expect.arrayContaining([
        { organisationId: solna, commentCount: 2 },
        { organisationId: follower, commentCount: 1 },
      ]),
      nonRespondentIds: expect.arrayContaining([sundbyberg, patients]),
      responseRates: {
        byKind: [
          { kind: 'municipality', invited: 2, responded: 1 },
          { kind: 'patient_organisation', invited: 1, responded: 0 },
          { kind: 'profession', invited: 1, responded: 1 },
        ],
        byCounty: [
          { regionId: region, invited: 2, responded: 1 },
          { regionId: null, invited: 2, responded: 1 },
        ],
      },
    });
    expect((await refusalOf(testbed.execute(new CloseConsultationCommand(lead(), round.id, true)))).status).toBe(409);
    expect(
      (await refusalOf(testbed.execute(new AnswerCommentCommand(lead(), round.id, randomUUID(), 'noted', 'Ok'))))
        .status,
    ).toBe(404);
    const answered = await testbed.execute(new AnswerCommentCommand(lead(), round.id, commentId, 'accepted', 'Ja'));
    expect(answered).toMatchObject({ answeredCount: 1, commentCount: 3 });
    // Answering again replaces the answer; the count stays.
    const again = await testbed.execute(
      new AnswerCommentCommand(lead(), round.id, commentId, 'partly-accepted', 'Delvis'),
    );
    expect(again).toMatchObject({ outcome: 'partly-accepted', answeredCount: 1 });
    const report = await testbed.get(QueryBusOf).execute(new GetReportQuery(round.id));
    expect(report.progress).toEqual({ answered: 1, total: 3, text: '1 of 3 answered' });
    expect(report.sections.map((section) => [section.sectionId, section.comments.length])).toEqual([
      [null, 2],
      ['s1', 0],
      ['s2', 1],
    ]);
    expect(report.sections[0].comments.find((comment) => comment.id === commentId)).toMatchObject({
      outcome: 'partly-accepted',
      answer: 'Delvis',
    });
  });
});

function addDaysTo(date: string, days: number): string {
  return new Date(new Date(`${date}T12:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Midsommarafton of next year: the Friday between 19 and 25 June, always a day off. */
function midsummerEveNextYear(): string {
  const year = new Date().getUTCFullYear() + 1;
  for (let day = 19; ; day++) if (new Date(Date.UTC(year, 5, day)).getUTCDay() === 5) return `${year}-06-${day}`;
}
