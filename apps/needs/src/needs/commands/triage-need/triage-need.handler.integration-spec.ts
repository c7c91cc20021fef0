import { randomUUID } from 'node:crypto';
import { actingAs, refusalOf, UNCLASSIFIED_PUBLICATION } from '@styrkedjan/testing';
import type { TriageInput } from '../../domain/need';
import { NeedsTestbed } from '../../needs.testbed';
import { GetNeedTimelineQuery } from '../../queries/get-need-timeline/get-need-timeline.query';
import { ClarifyNeedCommand } from '../clarify-need/clarify-need.command';
import { EndorseNeedCommand } from '../endorse-need/endorse-need.command';
import { IdentifyNeedCommand } from '../identify-need/identify-need.command';
import { TriageNeedCommand } from './triage-need.command';

describe('triage a need, and answer its question (integration)', () => {
  let needs: NeedsTestbed;
  let stockholm: string;
  let malmo: string;
  let socialstyrelsen: string;
  let publishedSupport: string;
  const skr = randomUUID();
  const steering = () => actingAs(skr, 'association');

  beforeAll(async () => {
    needs = await NeedsTestbed.start();
    stockholm = await needs.organisation('municipality');
    malmo = await needs.organisation('municipality');
    socialstyrelsen = await needs.organisation('agency');
    publishedSupport = randomUUID();
    await needs.deliver(
      'support.published',
      { type: 'support', id: publishedSupport, version: 2 },
      {
        supportId: publishedSupport,
        leadAgencyId: socialstyrelsen,
        title: 'Vägledning om depression',
        areaCode: 'health.primary-care',
        sector: 'health',
        answersNeeds: [],
        publishedAt: new Date().toISOString(),
        ...UNCLASSIFIED_PUBLICATION,
      },
    );
  });

  afterAll(async () => {
    await needs?.stop();
  });

  const identify = () =>
    needs.testbed.execute(
      new IdentifyNeedCommand(actingAs(stockholm, 'municipality'), 'Depression hos äldre', '', 'health.primary-care', [
        'older-people',
      ]),
    );
  const triage = (needId: string, version: number, input: TriageInput) =>
    needs.testbed.execute(new TriageNeedCommand(steering(), needId, version, input));

  it('accepts with a lead agency: need.triaged with the stakeholders, the need assigned, its history kept', async () => {
    const need = await identify();
    const endorsed = await needs.testbed.execute(
      new EndorseNeedCommand(actingAs(malmo, 'municipality'), need.id, null, null),
    );
    const view = await triage(need.id, endorsed.version, {
      decision: 'accepted',
      rationale: 'Ett nationellt kunskapsbehov',
      leadAgencyId: socialstyrelsen.toUpperCase(),
    });
    expect(view).toMatchObject({
      stage: 'accepted',
      version: 3,
      triage: {
        decision: 'accepted',
        rationale: 'Ett nationellt kunskapsbehov',
        leadAgencyId: socialstyrelsen,
        declineReason: null,
      },
    });
    expect((await needs.eventsOf(need.id)).at(-1)).toMatchObject({
      type: 'need.triaged',
      actor: { organisationId: skr },
      aggregate: { version: 3 },
      payload: {
        needId: need.id,
        decision: 'accepted',
        rationale: 'Ett nationellt kunskapsbehov',
        leadAgencyId: socialstyrelsen,
        declineReason: null,
        existingSupportId: null,
        duplicateOfNeedId: null,
        reviewOn: null,
        stage: 'accepted',
        stakeholders: [
          { organisationId: stockholm, role: 'submitter' },
          { organisationId: malmo, role: 'endorser' },
        ],
      },
    });

    // Revisited: declined as met by an existing support; both decisions stay in the timeline.
    const revisited = await triage(need.id, 3, {
      decision: 'declined',
      rationale: 'Stödet finns redan',
      declineReason: 'met-by-existing-support',
      existingSupportId: publishedSupport,
    });
    expect(revisited).toMatchObject({
      stage: 'declined',
      triage: { existingSupportId: publishedSupport, leadAgencyId: null },
    });
    const timeline = await needs.query(new GetNeedTimelineQuery(need.id));
    expect(
      timeline.items.map(({ version, type, stage, decision, rationale }) => ({
        version,
        type,
        stage,
        decision,
        rationale,
      })),
    ).toEqual([
      { version: 1, type: 'need.identified', stage: 'identified', decision: null, rationale: null },
      { version: 2, type: 'need.endorsed', stage: 'identified', decision: null, rationale: null },
      {
        version: 3,
        type: 'need.triaged',
        stage: 'accepted',
        decision: 'accepted',
        rationale: 'Ett nationellt kunskapsbehov',
      },
      { version: 4, type: 'need.triaged', stage: 'declined', decision: 'declined', rationale: 'Stödet finns redan' },
    ]);
    expect(timeline.items[2]).toMatchObject({
      actor: { organisationId: skr, userId: 'user-association' },
      details: { leadAgencyId: socialstyrelsen },
    });
  });

  it.each([
    ['no rationale', { decision: 'accepted', rationale: ' ', leadAgencyId: randomUUID() }, 400, 'rationale'],
    ['accepted without a lead agency', { decision: 'accepted', rationale: 'r' }, 400, 'leadAgencyId'],
  ] as [string, TriageInput, number, string][])(
    'refuses %s, naming the field, writing nothing',
    async (_c, input, status, field) => {
      const need = await identify();
      const before = await needs.counts();
      expect(await refusalOf(triage(need.id, 1, input))).toMatchObject({
        status,
        errors: [expect.objectContaining({ field })],
      });
      expect(await needs.counts()).toEqual(before);
    },
  );

  it('refuses a lead agency that is not an agency with 422 naming leadAgencyId, writing nothing', async () => {
    const need = await identify();
    const before = await needs.counts();
    for (const leadAgencyId of [malmo, randomUUID()])
      expect(await refusalOf(triage(need.id, 1, { decision: 'accepted', rationale: 'r', leadAgencyId }))).toMatchObject(
        {
          status: 422,
          errors: [{ field: 'leadAgencyId', message: expect.any(String) }],
        },
      );
    expect(await needs.counts()).toEqual(before);
  });

  it('refuses a stale version with 412 and the need as it is now, writing nothing', async () => {
    const need = await identify();
    await triage(need.id, 1, { decision: 'deferred', rationale: 'Nästa år', reviewOn: '2099-01-01' });
    const before = await needs.counts();
    const stale = await refusalOf(
      triage(need.id, 1, { decision: 'accepted', rationale: 'r', leadAgencyId: socialstyrelsen }),
    );
    expect(stale).toMatchObject({
      status: 412,
      code: 'stale_version',
      current: { id: need.id, version: 2, stage: 'deferred', triage: { decision: 'deferred', reviewOn: '2099-01-01' } },
    });
    expect(await needs.counts()).toEqual(before);
  });

  it('asks a question with need.clarification-requested; only the submitter answers, with need.clarified', async () => {
    const need = await identify();
    const asked = await triage(need.id, 1, {
      decision: 'more-information-needed',
      rationale: 'Omfattningen är oklar',
      question: 'Hur många personer berörs?',
    });
    expect(asked).toMatchObject({ stage: 'under-review', openQuestion: 'Hur många personer berörs?', triage: null });
    expect((await needs.eventsOf(need.id)).at(-1)).toMatchObject({
      type: 'need.clarification-requested',
      payload: {
        question: 'Hur många personer berörs?',
        rationale: 'Omfattningen är oklar',
        stage: 'under-review',
        stakeholders: [{ organisationId: stockholm, role: 'submitter' }],
      },
    });

    const before = await needs.counts();
    const clarify = (organisationId: string) =>
      needs.testbed.execute(new ClarifyNeedCommand(actingAs(organisationId, 'municipality'), need.id, 'Ett fyrtiotal'));
    expect(await refusalOf(clarify(malmo))).toMatchObject({ status: 403 });
    expect(await needs.counts()).toEqual(before);

    const answered = await clarify(stockholm);
    expect(answered).toMatchObject({ stage: 'under-review', openQuestion: null, version: 3 });
    expect((await needs.eventsOf(need.id)).at(-1)).toMatchObject({
      type: 'need.clarified',
      actor: { organisationId: stockholm },
      payload: { organisationId: stockholm, answer: 'Ett fyrtiotal', stage: 'under-review' },
    });
    expect(await refusalOf(clarify(stockholm))).toMatchObject({ status: 409, code: 'no_open_question' });
  });
});
