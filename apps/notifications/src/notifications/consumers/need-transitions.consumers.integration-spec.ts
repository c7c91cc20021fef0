import { randomUUID } from 'node:crypto';
import { AnyEvent, EventOf, PayloadOf } from '@styrkedjan/contracts';
import { ConsumerHost, Delivery } from '@styrkedjan/messaging';
import { ServiceTestbed, UNCLASSIFIED_PUBLICATION } from '@styrkedjan/testing';
import { delivered, startNotificationsTestbed } from '../../notifications.testbed';

/**
 * The consumers that tell a need's submitter and endorsers what became of it, fed as the worker feeds them:
 * each asserted by the rows it leaves, a redelivery leaving no second row, and a publication told by both
 * support.published and need.answered making one notification per organisation in either order.
 */
describe('need transition notifications (integration)', () => {
  let testbed: ServiceTestbed;
  let host: ConsumerHost;
  const AREA = 'health.primary-care';
  const socialstyrelsen = randomUUID();

  beforeAll(async () => {
    testbed = await startNotificationsTestbed({ queues: true });
    host = testbed.get(ConsumerHost);
    await testbed.knowDirectory({
      areas: [{ code: AREA, sector: 'health', name: 'Primärvård' }],
      organisations: [{ id: socialstyrelsen, kind: 'agency', name: 'Socialstyrelsen' }],
    });
  });

  afterAll(async () => {
    await testbed?.stop();
  });

  const deliver = (event: AnyEvent): Promise<Delivery> => host.process({ data: event });

  /** A need with a submitter, an endorser and an organisation that only follows its area. */
  async function need() {
    const parties = { needId: randomUUID(), submitter: randomUUID(), endorser: randomUUID(), follower: randomUUID() };
    await testbed.db.query('INSERT INTO subscriptions (organisation_id, area_code) VALUES ($1, $2)', [
      parties.follower,
      AREA,
    ]);
    return {
      ...parties,
      stakeholders: [
        { organisationId: parties.submitter, role: 'submitter' as const },
        { organisationId: parties.endorser, role: 'endorser' as const },
      ],
    };
  }

  interface Row {
    organisation_id: string;
    type: string;
    reasons: string[];
    title: string;
    message: string;
    title_en: string;
    message_en: string;
    subject_type: string;
    subject_id: string;
    event_id: string;
    read_at: Date | null;
  }

  async function inboxOf(organisationId: string): Promise<Row[]> {
    const { rows } = await testbed.db.query<Row>(
      `SELECT organisation_id, type, reasons, title, message, title_en, message_en, subject_type, subject_id::text,
              event_id::text, read_at
       FROM notifications WHERE organisation_id = $1 ORDER BY created_at, id`,
      [organisationId],
    );
    return rows;
  }

  const at = new Date().toISOString();
  const triaged = (
    n: Awaited<ReturnType<typeof need>>,
    fields: Partial<PayloadOf<'need.triaged'>>,
  ): EventOf<'need.triaged'> =>
    delivered(
      'need.triaged',
      { type: 'need', id: n.needId, version: 4 },
      {
        needId: n.needId,
        decision: 'accepted',
        rationale: 'Behovet finns i hela landet',
        leadAgencyId: socialstyrelsen,
        declineReason: null,
        existingSupportId: null,
        duplicateOfNeedId: null,
        reviewOn: null,
        stage: 'accepted',
        stakeholders: n.stakeholders,
        triagedAt: at,
        ...fields,
      },
    );

  describe('need.triaged', () => {
    it('tells submitter and endorser the decision and its rationale, once however often it is delivered', async () => {
      const n = await need();
      const event = triaged(n, {});
      expect(await deliver(event)).toBe('processed');
      expect(await deliver(event)).toBe('duplicate');

      expect(await inboxOf(n.submitter)).toEqual([
        expect.objectContaining({
          type: 'need.triaged',
          reasons: ['your_need'],
          title: 'Ert behov har accepterats',
          message:
            'Styrgruppen har accepterat behovet. Socialstyrelsen ansvarar för att besvara det. Motivering: Behovet finns i hela landet',
          title_en: 'Your need was accepted',
          subject_type: 'need',
          subject_id: n.needId,
          event_id: event.id,
        }),
      ]);
      expect(await inboxOf(n.endorser)).toEqual([
        expect.objectContaining({ reasons: ['need_you_endorsed'], title: 'Ett behov ni står bakom har accepterats' }),
      ]);
      // A need's transitions are its stakeholders' business, not the area's followers'.
      expect(await inboxOf(n.follower)).toEqual([]);
    });

    it('points a need declined as met by an existing support to that support', async () => {
      const n = await need();
      const existingSupportId = randomUUID();
      await deliver(
        triaged(n, {
          decision: 'declined',
          leadAgencyId: null,
          declineReason: 'met-by-existing-support',
          existingSupportId,
          stage: 'declined',
        }),
      );
      expect(await inboxOf(n.submitter)).toEqual([
        expect.objectContaining({
          title: 'Ert behov har avslagits',
          message: expect.stringContaining('ett befintligt kunskapsstöd möter redan behovet'),
          subject_type: 'support',
          subject_id: existingSupportId,
        }),
      ]);
    });

    it('tells nobody of a request for more information: the question comes as need.clarification-requested', async () => {
      const n = await need();
      await deliver(triaged(n, { decision: 'more-information-needed', leadAgencyId: null, stage: 'under-review' }));
      expect([...(await inboxOf(n.submitter)), ...(await inboxOf(n.endorser))]).toEqual([]);
    });
  });

  describe('need.clarification-requested', () => {
    it('asks the submitter only', async () => {
      const n = await need();
      const event = delivered(
        'need.clarification-requested',
        { type: 'need', id: n.needId, version: 3 },
        {
          needId: n.needId,
          question: 'Hur många äldre berörs i er kommun?',
          rationale: 'Omfattningen avgör prioriteringen',
          stage: 'under-review',
          stakeholders: n.stakeholders,
          requestedAt: at,
        },
      );
      await deliver(event);
      await deliver(event);
      expect(await inboxOf(n.submitter)).toEqual([
        expect.objectContaining({
          type: 'need.clarification-requested',
          reasons: ['your_need'],
          message: expect.stringContaining('Hur många äldre berörs i er kommun?'),
          message_en: expect.stringContaining('Hur många äldre berörs i er kommun?'),
          subject_id: n.needId,
        }),
      ]);
      expect(await inboxOf(n.endorser)).toEqual([]);
    });
  });

  describe('need.merged', () => {
    it('tells every stakeholder where the need went', async () => {
      const n = await need();
      const intoNeedId = randomUUID();
      await deliver(
        delivered(
          'need.merged',
          { type: 'need', id: n.needId, version: 5 },
          {
            needId: n.needId,
            intoNeedId,
            rationale: 'Samma behov som Malmös',
            movedOrganisationIds: [n.submitter, n.endorser],
            stage: 'merged',
            stakeholders: n.stakeholders,
            mergedAt: at,
          },
        ),
      );
      for (const organisation of [n.submitter, n.endorser]) {
        expect(await inboxOf(organisation)).toEqual([
          expect.objectContaining({
            type: 'need.merged',
            message: expect.stringContaining('Motivering: Samma behov som Malmös'),
            subject_type: 'need',
            subject_id: intoNeedId,
          }),
        ]);
      }
    });
  });

  describe('need.addressed', () => {
    it('names the draft and its agency to every stakeholder', async () => {
      const n = await need();
      const supportId = randomUUID();
      await deliver(
        delivered(
          'need.addressed',
          { type: 'need', id: n.needId, version: 6 },
          {
            needId: n.needId,
            supportId,
            supportTitle: 'Vårdprogram för depression',
            leadAgencyId: socialstyrelsen,
            stage: 'being-addressed',
            stakeholders: n.stakeholders,
            addressedAt: at,
          },
        ),
      );
      expect(await inboxOf(n.submitter)).toEqual([
        expect.objectContaining({
          type: 'need.addressed',
          title: 'Ert behov besvaras: Vårdprogram för depression',
          message: expect.stringContaining('Socialstyrelsen tar fram "Vårdprogram för depression"'),
          subject_type: 'need',
          subject_id: n.needId,
        }),
      ]);
      expect(await inboxOf(n.endorser)).toHaveLength(1);
      expect(await inboxOf(n.follower)).toEqual([]);
    });
  });

  describe('need.answered with support.published: one notification per organisation and publication', () => {
    function publication(n: Awaited<ReturnType<typeof need>>, alsoFollowing: string[] = []) {
      const supportId = randomUUID();
      const published = delivered(
        'support.published',
        { type: 'support', id: supportId, version: 2 },
        {
          supportId,
          leadAgencyId: socialstyrelsen,
          title: 'Vårdprogram för depression',
          areaCode: AREA,
          sector: 'health',
          answersNeeds: [{ needId: n.needId, organisationId: n.submitter }],
          publishedAt: at,
          ...UNCLASSIFIED_PUBLICATION,
        },
      );
      const answered = delivered(
        'need.answered',
        { type: 'need', id: n.needId, version: 7 },
        {
          needId: n.needId,
          supportId,
          supportTitle: 'Vårdprogram för depression',
          leadAgencyId: socialstyrelsen,
          stage: 'answered',
          stakeholders: n.stakeholders,
          answeredAt: at,
        },
      );
      return { supportId, published, answered, alsoFollowing };
    }

    it.each([
      ['support.published first', (p: ReturnType<typeof publication>) => [p.published, p.answered]],
      ['need.answered first', (p: ReturnType<typeof publication>) => [p.answered, p.published]],
    ])('ends in the same rows with %s, each redelivered', async (_order, order) => {
      const n = await need();
      // The submitter follows the area too: two reasons, one notification.
      await testbed.db.query('INSERT INTO subscriptions (organisation_id, area_code) VALUES ($1, $2)', [
        n.submitter,
        AREA,
      ]);
      const p = publication(n);
      for (const event of [...order(p), ...order(p)]) await deliver(event);
      await testbed.db.query('DELETE FROM processed_events WHERE event_id = ANY($1::uuid[])', [
        [p.published.id, p.answered.id],
      ]);
      for (const event of order(p)) await deliver(event); // delivered again after its processed_events row went

      const about = { type: 'support.published', subject_type: 'support', subject_id: p.supportId };
      expect(await inboxOf(n.submitter)).toEqual([
        expect.objectContaining({
          ...about,
          reasons: ['answers_your_need', 'subscribed_area'],
          title: 'Ert behov har besvarats: Vårdprogram för depression',
          message:
            'Socialstyrelsen har publicerat "Vårdprogram för depression", som besvarar ett behov som er organisation har lämnat in',
          title_en: 'Your need has been answered: Vårdprogram för depression',
        }),
      ]);
      expect(await inboxOf(n.endorser)).toEqual([
        expect.objectContaining({
          ...about,
          reasons: ['answers_need_you_endorsed'],
          title: 'Ett behov ni står bakom har besvarats: Vårdprogram för depression',
        }),
      ]);
      expect(await inboxOf(n.follower)).toEqual([
        expect.objectContaining({
          ...about,
          reasons: ['subscribed_area'],
          title: 'Publicerat: Vårdprogram för depression',
          message: 'Socialstyrelsen har publicerat "Vårdprogram för depression" inom Primärvård',
        }),
      ]);
    });

    it('tells the submitter support.published names before need.answered arrives, in the words for its need', async () => {
      const n = await need();
      const p = publication(n);
      await deliver(p.published);
      expect(await inboxOf(n.submitter)).toEqual([
        expect.objectContaining({
          type: 'support.published',
          reasons: ['answers_your_need'],
          title: 'Ert behov har besvarats: Vårdprogram för depression',
          event_id: p.published.id,
        }),
      ]);
      expect(await inboxOf(n.endorser)).toEqual([]); // endorsers come with need.answered
      await deliver(p.answered);
      expect(await inboxOf(n.submitter)).toEqual([
        expect.objectContaining({ reasons: ['answers_your_need'], event_id: p.published.id }),
      ]);
      expect(await inboxOf(n.endorser)).toEqual([expect.objectContaining({ reasons: ['answers_need_you_endorsed'] })]);
    });

    it('shows a read notification as unread again when it turns out to answer a need the reader endorsed', async () => {
      const n = await need();
      await testbed.db.query('INSERT INTO subscriptions (organisation_id, area_code) VALUES ($1, $2)', [
        n.endorser,
        AREA,
      ]);
      const p = publication(n);
      await deliver(p.published);
      await testbed.db.query('UPDATE notifications SET read_at = now() WHERE organisation_id = $1', [n.endorser]);
      await deliver(p.answered);
      expect(await inboxOf(n.endorser)).toEqual([
        expect.objectContaining({
          reasons: ['answers_need_you_endorsed', 'subscribed_area'],
          title: 'Ett behov ni står bakom har besvarats: Vårdprogram för depression',
          read_at: null,
        }),
      ]);
    });
  });
});
