import { randomUUID } from 'node:crypto';
import { Query, QueryBus } from '@nestjs/cqrs';
import type { PayloadOf } from '@styrkedjan/contracts';
import { ConsumerHost } from '@styrkedjan/messaging';
import { actingAs, refusalOf, ServiceTestbed } from '@styrkedjan/testing';
import { AddRegionalAdditionCommand } from './commands/add-regional-addition/add-regional-addition.command';
import { DraftSupportCommand } from './commands/draft-support/draft-support.command';
import { EditSupportCommand } from './commands/edit-support/edit-support.command';
import { PublishSupportCommand } from './commands/publish-support/publish-support.command';
import { StartRevisionCommand } from './commands/start-revision/start-revision.command';
import { WithdrawSupportCommand } from './commands/withdraw-support/withdraw-support.command';
import type { DraftChanges } from './domain/support';
import { GetHistoryQuery } from './queries/get-history/get-history.query';
import { GetSupportQuery } from './queries/get-support/get-support.query';
import { ListRegionalAdditionsQuery } from './queries/list-regional-additions/list-regional-additions.query';
import { ListVersionsQuery } from './queries/list-versions/list-versions.query';
import { deliverTo, KNOWN, startSupportsTestbed } from './supports.testbed';

/**
 * The supports' half of a support's life against a real database: edits on a version, reschedules with a reason,
 * publishing held back by the consultation rounds the consultations service tells of, revisions and their editions,
 * withdrawal and regional additions; and that a refusal leaves nothing written.
 */
describe('the lifecycle of a support (integration)', () => {
  let testbed: ServiceTestbed;
  const { area: AREA, socialstyrelsen, folkhalsomyndigheten } = KNOWN;
  const [{ needId: need }] = KNOWN.needs;
  const region = randomUUID();
  const lead = () => actingAs(socialstyrelsen, 'agency');
  const query = <R>(q: Query<R>) => testbed.get(QueryBus).execute(q);

  beforeAll(async () => {
    testbed = await startSupportsTestbed({ queues: true });
    await testbed.knowDirectory({ organisations: [{ id: region, kind: 'region' }] });
  });

  afterAll(async () => {
    await testbed?.stop();
  });

  async function drafted(): Promise<string> {
    const support = await testbed.execute(
      new DraftSupportCommand(
        lead(),
        'Stöd vid depression',
        '',
        AREA.code,
        [need],
        [folkhalsomyndigheten],
        '2026-09-01',
        {
          productType: 'guideline',
          targetGroups: ['people-with-mental-illness'],
          audience: { organisationKinds: ['region'], sectors: ['health'], professions: [] },
        },
      ),
    );
    return support.id;
  }

  const edit = (id: string, version: number, changes: DraftChanges, reason: string | null = null, context = lead()) =>
    testbed.execute(new EditSupportCommand(context, id, version, changes, reason));
  const publish = (id: string) => testbed.execute(new PublishSupportCommand(lead(), id));
  const eventsOf = async (id: string) =>
    (await testbed.outbox())
      .filter((row) => (row.envelope.payload as { supportId?: string }).supportId === id)
      .map((row) => row.envelope);
  /** What a refusal must leave as it was. */
  const written = () =>
    testbed.counts('supports', 'support_history', 'support_editions', 'regional_additions', 'outbox');

  describe('editing a draft', () => {
    it('lets a co-producer edit on the current version: support.updated with the whole draft and what changed', async () => {
      const id = await drafted();
      const edited = await edit(
        id,
        1,
        { title: 'Depression hos vuxna', targetGroups: ['people-with-mental-illness'] },
        null,
        actingAs(folkhalsomyndigheten, 'agency'),
      );
      expect(edited).toMatchObject({ title: 'Depression hos vuxna', version: 2 });
      const [, updated] = await eventsOf(id);
      expect(updated).toMatchObject({
        type: 'support.updated',
        aggregate: { version: 2 },
        payload: { title: 'Depression hos vuxna', changed: ['title'], productType: 'guideline', edition: '1.0' },
      });
    });

    it('answers a stale version with 412 and the support as it is now, writing nothing', async () => {
      const id = await drafted();
      await edit(id, 1, { summary: 'Första ändringen' });
      const before = await written();
      expect(await refusalOf(edit(id, 1, { summary: 'Andra' }))).toMatchObject({
        status: 412,
        code: 'stale_version',
        current: { id, summary: 'Första ändringen', version: 2 },
      });
      expect(await written()).toEqual(before);
    });

    it('needs a reason to move the planned release date; with one, records support.rescheduled and keeps the reason', async () => {
      const id = await drafted();
      const before = await written();
      expect(await refusalOf(edit(id, 1, { plannedReleaseDate: '2026-12-01' }))).toMatchObject({
        status: 400,
        errors: [{ field: 'rescheduleReason', message: expect.any(String) }],
      });
      expect(await written()).toEqual(before);

      const moved = await edit(id, 1, { plannedReleaseDate: '2026-12-01' }, 'Remissen förlängdes');
      expect(moved).toMatchObject({ plannedReleaseDate: '2026-12-01', version: 3 });
      expect((await eventsOf(id)).map((event) => [event.type, event.aggregate.version])).toEqual([
        ['support.drafted', 1],
        ['support.updated', 2],
        ['support.rescheduled', 3],
      ]);
      const { items } = await query(new GetHistoryQuery(id));
      expect(items.map((step) => step.step)).toEqual(['support.drafted', 'support.updated', 'support.rescheduled']);
      expect(items[2]).toMatchObject({
        organisationId: socialstyrelsen,
        userId: 'user-agency',
        reason: 'Remissen förlängdes',
        details: { previousDate: '2026-09-01', plannedReleaseDate: '2026-12-01' },
      });
    });

    it.each<[string, DraftChanges, string]>([
      ['an unknown target group', { targetGroups: ['older-people', 'astronauts'] }, 'targetGroups[1]'],
      ['an unknown product type', { productType: 'poster' }, 'productType'],
    ])('refuses %s with a 400 naming it', async (_, changes, field) => {
      const id = await drafted();
      expect(await refusalOf(edit(id, 1, changes))).toMatchObject({
        status: 400,
        errors: [expect.objectContaining({ field })],
      });
    });

    it('refuses another agency with a 403, and a support without a draft edition with a 409 no_draft', async () => {
      const id = await drafted();
      expect(await refusalOf(edit(id, 1, { title: 'X' }, null, actingAs(randomUUID(), 'agency')))).toMatchObject({
        status: 403,
      });
      await publish(id);
      expect(await refusalOf(edit(id, 2, { title: 'X' }))).toMatchObject({ status: 409, code: 'no_draft' });
    });
  });

  describe('publishing waits for the answers', () => {
    const round = (supportId: string, consultationId: string, edition = '1.0') => ({
      consultationId,
      supportId,
      supportTitle: 'Stöd vid depression',
      leadAgencyId: socialstyrelsen,
      edition,
    });
    const opened = (supportId: string, consultationId: string, edition?: string): PayloadOf<'consultation.opened'> => ({
      ...round(supportId, consultationId, edition),
      areaCode: AREA.code,
      consulteeIds: [region],
      questions: [],
      sections: [],
      documentUrl: null,
      closesAt: '2026-05-15T21:59:59.999Z',
      openedAt: new Date().toISOString(),
    });
    const closed = (
      supportId: string,
      consultationId: string,
      commentCount: number,
      edition?: string,
    ): PayloadOf<'consultation.closed'> => ({
      ...round(supportId, consultationId, edition),
      early: false,
      respondents: [{ organisationId: region, commentCount }],
      nonRespondentIds: [],
      responseRates: {
        byKind: [{ kind: 'region', invited: 1, responded: 1 }],
        byCounty: [{ regionId: region, invited: 1, responded: 1 }],
      },
      commentCount,
      closedAt: new Date().toISOString(),
    });
    const answered = (
      supportId: string,
      consultationId: string,
      answeredCount: number,
      commentCount: number,
      edition?: string,
    ): PayloadOf<'consultation.comment-answered'> => ({
      ...round(supportId, consultationId, edition),
      commentId: randomUUID(),
      organisationId: region,
      outcome: 'accepted',
      answeredCount,
      commentCount,
      answeredAt: new Date().toISOString(),
    });
    const ref = (consultationId: string, version: number) => ({ type: 'consultation', id: consultationId, version });

    it('refuses while the round is open, then while comments are unanswered naming how many, then publishes', async () => {
      const id = await drafted();
      const consultation = randomUUID();
      await deliverTo(testbed, 'consultation.opened', ref(consultation, 1), opened(id, consultation));
      const before = await written();
      expect(await refusalOf(publish(id))).toMatchObject({ status: 409, code: 'consultation_open' });
      expect(await written()).toEqual(before);

      await deliverTo(testbed, 'consultation.closed', ref(consultation, 2), closed(id, consultation, 40));
      await deliverTo(
        testbed,
        'consultation.comment-answered',
        ref(consultation, 30),
        answered(id, consultation, 28, 40),
      );
      // An earlier count arriving late changes nothing.
      await deliverTo(
        testbed,
        'consultation.comment-answered',
        ref(consultation, 10),
        answered(id, consultation, 8, 40),
      );
      const refused = await refusalOf(publish(id));
      expect(refused).toMatchObject({
        status: 409,
        code: 'comments_unanswered',
        detail: expect.stringContaining('12 of 40 comments are unanswered'),
        current: { unanswered: 12, commentCount: 40 },
      });
      const { rows } = await testbed.db.query('SELECT status, version FROM supports WHERE id = $1', [id]);
      expect(rows).toEqual([{ status: 'draft', version: 1 }]);

      await deliverTo(
        testbed,
        'consultation.comment-answered',
        ref(consultation, 42),
        answered(id, consultation, 40, 40),
      );
      expect(await publish(id)).toMatchObject({ status: 'published', inForceEdition: '1.0' });
      const { items } = await query(new GetHistoryQuery(id));
      expect(items.map((step) => step.step)).toEqual([
        'support.drafted',
        'consultation.opened',
        'consultation.closed',
        'support.published',
      ]);
    });

    it('reads the rounds whatever order their events arrive in, and once however often they do', async () => {
      const id = await drafted();
      const consultation = randomUUID();
      await deliverTo(testbed, 'consultation.comment-answered', ref(consultation, 3), answered(id, consultation, 2, 2));
      const late = await deliverTo(testbed, 'consultation.closed', ref(consultation, 2), closed(id, consultation, 2));
      await deliverTo(testbed, 'consultation.opened', ref(consultation, 1), opened(id, consultation));
      await testbed.get(ConsumerHost).process({ data: late });
      const { rows } = await testbed.db.query(
        'SELECT open, comment_count, answered_count FROM support_rounds WHERE consultation_id = $1',
        [consultation],
      );
      expect(rows).toEqual([{ open: false, comment_count: 2, answered_count: 2 }]);
      expect(await publish(id)).toMatchObject({ status: 'published' });
    });

    it("holds a revision back for its own round's unanswered comments, not for an earlier edition's", async () => {
      const id = await drafted();
      await publish(id);
      await testbed.execute(new StartRevisionCommand(lead(), id, 'minor', 'Förtydliganden'));
      const consultation = randomUUID();
      await deliverTo(testbed, 'consultation.closed', ref(consultation, 2), closed(id, consultation, 3, '1.1'));
      expect(await refusalOf(publish(id))).toMatchObject({ status: 409, detail: expect.stringContaining('3 of 3') });
      await deliverTo(
        testbed,
        'consultation.comment-answered',
        ref(consultation, 5),
        answered(id, consultation, 3, 3, '1.1'),
      );
      expect(await publish(id)).toMatchObject({ edition: '1.1', inForceEdition: '1.1' });
    });
  });

  describe('revisions and versions', () => {
    it('drafts 2.0 beside 1.0 in force, edits it, and publishing it announces support.revised', async () => {
      const id = await drafted();
      expect(await refusalOf(testbed.execute(new StartRevisionCommand(lead(), id, 'major', 'x')))).toMatchObject({
        status: 409,
        code: 'not_published',
      });
      await publish(id);
      const revising = await testbed.execute(new StartRevisionCommand(lead(), id, 'major', 'Ny evidens om behandling'));
      expect(revising).toMatchObject({
        edition: '2.0',
        inForceEdition: '1.0',
        revision: { change: 'major', edition: '2.0' },
        version: 3,
      });
      expect(await refusalOf(testbed.execute(new StartRevisionCommand(lead(), id, 'minor', 'y')))).toMatchObject({
        status: 409,
        code: 'revision_in_progress',
      });
      await edit(id, 3, { title: 'Depression – andra upplagan' });

      const shown = await query(new GetSupportQuery(id));
      expect(shown).toMatchObject({
        title: 'Depression – andra upplagan',
        edition: '2.0',
        inForce: { edition: '1.0', title: 'Stöd vid depression', change: null },
        revision: { edition: '2.0', changeNote: 'Ny evidens om behandling' },
      });

      await publish(id);
      const events = await eventsOf(id);
      expect(events.at(-1)).toMatchObject({
        type: 'support.revised',
        aggregate: { version: 5 },
        payload: { change: 'major', previousEdition: '1.0', edition: '2.0', title: 'Depression – andra upplagan' },
      });
      expect(events.filter((event) => event.type === 'support.published')).toHaveLength(1);
      const { items } = await query(new ListVersionsQuery(id));
      expect(items.map(({ edition, change, title }) => ({ edition, change, title }))).toEqual([
        { edition: '1.0', change: null, title: 'Stöd vid depression' },
        { edition: '2.0', change: 'major', title: 'Depression – andra upplagan' },
      ]);
      expect(await query(new GetSupportQuery(id))).toMatchObject({ inForce: { edition: '2.0' }, revision: null });
    });
  });

  describe('withdrawal', () => {
    const withdraw = (id: string, replacedBy: string | null = null) =>
      testbed.execute(new WithdrawSupportCommand(lead(), id, 'Ersatt av nya riktlinjer', replacedBy));

    it('marks it withdrawn with reason and replacement, announces it, and refuses what a withdrawn support cannot do', async () => {
      const id = await drafted();
      const replacement = await drafted();
      await publish(id);
      const withdrawn = await withdraw(id, replacement.toUpperCase());
      expect(withdrawn).toMatchObject({
        status: 'withdrawn',
        withdrawal: { reason: 'Ersatt av nya riktlinjer', replacedBySupportId: replacement },
      });
      expect((await eventsOf(id)).at(-1)).toMatchObject({
        type: 'support.withdrawn',
        payload: { replacedBySupportId: replacement, edition: '1.0', answersNeeds: [{ needId: need }] },
      });
      const before = await written();
      expect(await refusalOf(withdraw(id))).toMatchObject({ status: 409, code: 'illegal_transition' });
      expect(await refusalOf(testbed.execute(new StartRevisionCommand(lead(), id, 'major', 'x')))).toMatchObject({
        status: 409,
        code: 'withdrawn',
      });
      expect(
        await refusalOf(testbed.execute(new AddRegionalAdditionCommand(actingAs(region, 'region'), id, 'T', '', null))),
      ).toMatchObject({ status: 409, code: 'withdrawn' });
      expect(await written()).toEqual(before);
      expect(await query(new GetSupportQuery(id))).toMatchObject({
        status: 'withdrawn',
        withdrawal: { replacedBySupportId: replacement },
      });
    });

    it.each([
      ['itself', (id: string) => id, 'is the withdrawn support itself'],
      ['an unknown support', () => randomUUID(), 'unknown support'],
      ['a withdrawn support', (_: string, withdrawn: string) => withdrawn, 'is itself withdrawn'],
    ])('refuses %s as the replacement with a 400, writing nothing', async (_, replacement, message) => {
      const id = await drafted();
      const gone = await drafted();
      await withdraw(gone);
      const before = await written();
      expect(await refusalOf(withdraw(id, replacement(id, gone)))).toMatchObject({
        status: 400,
        errors: [{ field: 'replacedBySupportId', message: expect.stringContaining(message) }],
      });
      expect(await written()).toEqual(before);
    });
  });

  describe('regional additions', () => {
    it("adds a region's text to a published support, listed with the support and by the region", async () => {
      const id = await drafted();
      const add = () =>
        testbed.execute(
          new AddRegionalAdditionCommand(
            actingAs(region, 'region'),
            id,
            'Så gör vi i regionen',
            'Lokala rutiner',
            'https://region.example.se/depression',
          ),
        );
      expect(await refusalOf(add())).toMatchObject({ status: 409, code: 'not_published' });
      await publish(id);
      const addition = await add();
      expect(addition).toMatchObject({ supportId: id, regionId: region, title: 'Så gör vi i regionen' });
      expect((await testbed.outbox()).at(-1)).toMatchObject({
        type: 'support.regional-addition-published',
        envelope: {
          aggregate: { type: 'regional-addition', id: addition.id, version: 1 },
          payload: { supportTitle: 'Stöd vid depression', leadAgencyId: socialstyrelsen },
        },
      });
      expect(await query(new GetSupportQuery(id))).toMatchObject({ regionalAdditions: [addition] });
      expect((await query(new ListRegionalAdditionsQuery(region, 50))).items[0]).toEqual(addition);
      expect(await refusalOf(query(new ListRegionalAdditionsQuery(randomUUID(), 50)))).toMatchObject({ status: 404 });
    });
  });
});
