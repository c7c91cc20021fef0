import { randomUUID } from 'node:crypto';
import { AnyEvent, EventOf, PayloadOf } from '@styrkedjan/contracts';
import { ConsumerHost, Delivery } from '@styrkedjan/messaging';
import { ServiceTestbed } from '@styrkedjan/testing';
import { delivered, inboxOf, startNotificationsTestbed } from '../../notifications.testbed';

/**
 * The consumers that tell those concerned by a support what happens to it after a round: its commenters when
 * the edition is published (in either order of closing and publication), the area's followers, its needs'
 * submitters and its appliers on a major revision (none of them on a minor one) and on a withdrawal, and a
 * region's municipalities of the region's addition. Asserted by the inbox rows the events leave.
 */
describe('support lifecycle notifications (integration)', () => {
  let testbed: ServiceTestbed;
  let host: ConsumerHost;
  const AREA = 'health.mental-health';
  const socialstyrelsen = randomUUID();

  beforeAll(async () => {
    testbed = await startNotificationsTestbed({ queues: true });
    host = testbed.get(ConsumerHost);
    await testbed.knowDirectory({
      areas: [{ code: AREA, sector: 'health', name: 'Psykisk hälsa' }],
      organisations: [{ id: socialstyrelsen, kind: 'agency', name: 'Socialstyrelsen' }],
    });
  });

  afterAll(async () => {
    await testbed?.stop();
  });

  const deliver = (event: AnyEvent): Promise<Delivery> => host.process({ data: event });

  const inbox = (organisationId: string) => inboxOf(testbed, organisationId);

  async function notificationsAbout(supportId: string, type: string): Promise<number> {
    const { rows } = await testbed.db.query(
      'SELECT count(*)::int AS n FROM notifications WHERE subject_id = $1 AND type = $2',
      [supportId, type],
    );
    return rows[0].n;
  }

  async function follow(organisationId: string): Promise<void> {
    await testbed.db.query('INSERT INTO subscriptions (organisation_id, area_code) VALUES ($1, $2)', [
      organisationId,
      AREA,
    ]);
  }

  /** A support with a follower of its area, the submitter of a need it answers and an organisation that applies it. */
  async function support(title = 'Vård vid depression') {
    const parties = {
      supportId: randomUUID(),
      title,
      follower: randomUUID(),
      submitter: randomUUID(),
      applier: randomUUID(),
    };
    await follow(parties.follower);
    return { ...parties, answersNeeds: [{ needId: randomUUID(), organisationId: parties.submitter }] };
  }
  type Support = Awaited<ReturnType<typeof support>>;

  const aggregate = (s: Support, version: number) => ({ type: 'support', id: s.supportId, version });

  const published = (s: Support): EventOf<'support.published'> =>
    delivered('support.published', aggregate(s, 2), {
      supportId: s.supportId,
      leadAgencyId: socialstyrelsen,
      title: s.title,
      areaCode: AREA,
      sector: 'health',
      answersNeeds: s.answersNeeds,
      publishedAt: new Date().toISOString(),
    });

  const revised = (
    s: Support,
    change: 'major' | 'minor',
    edition: string,
    version: number,
  ): EventOf<'support.revised'> =>
    delivered('support.revised', aggregate(s, version), {
      supportId: s.supportId,
      leadAgencyId: socialstyrelsen,
      title: s.title,
      summary: 'Nationella riktlinjer',
      areaCode: AREA,
      sector: 'health',
      productType: null,
      targetGroups: [],
      audience: { organisationKinds: ['region'], sectors: ['health'], professions: [] },
      answersNeeds: s.answersNeeds,
      change,
      changeNote: change === 'major' ? 'Nya rekommendationer om läkemedel' : 'Rättade stavfel',
      previousEdition: '1.0',
      edition,
      revisedAt: new Date().toISOString(),
    });

  const withdrawn = (s: Support, fields: Partial<PayloadOf<'support.withdrawn'>>): EventOf<'support.withdrawn'> =>
    delivered('support.withdrawn', aggregate(s, 7), {
      supportId: s.supportId,
      leadAgencyId: socialstyrelsen,
      title: s.title,
      areaCode: AREA,
      sector: 'health',
      answersNeeds: s.answersNeeds,
      reason: 'Ersatt',
      replacedBySupportId: null,
      edition: '1.0',
      withdrawnAt: new Date().toISOString(),
      ...fields,
    });

  const applied = (s: Support, organisationId: string, applicationStatus: 'applied' | 'planned', receivedAt: string) =>
    delivered(
      'feedback.received',
      { type: 'feedback', id: randomUUID(), version: 1 },
      {
        feedbackId: randomUUID(),
        supportId: s.supportId,
        leadAgencyId: socialstyrelsen,
        supportTitle: s.title,
        organisationId,
        usefulness: 4,
        applicationStatus,
        comment: '',
        receivedAt,
      },
    );

  /** A closed round of the edition: `commented` gave comments, `silent` responded with none. */
  function closed(s: Support, edition: string, commented: string[], silent: string[] = []) {
    const consultationId = randomUUID();
    const payload: PayloadOf<'consultation.closed'> = {
      consultationId,
      supportId: s.supportId,
      supportTitle: s.title,
      leadAgencyId: socialstyrelsen,
      edition,
      early: false,
      respondents: [
        ...commented.map((organisationId) => ({ organisationId, commentCount: 2 })),
        ...silent.map((organisationId) => ({ organisationId, commentCount: 0 })),
      ],
      nonRespondentIds: [],
      responseRates: { byKind: [], byCounty: [] },
      commentCount: 2 * commented.length,
      closedAt: new Date().toISOString(),
    };
    return {
      consultationId,
      event: delivered('consultation.closed', { type: 'consultation', id: consultationId, version: 3 }, payload),
    };
  }

  describe('commenters, when the edition is published', () => {
    it('tells those who commented, not those who responded without comments, with the report', async () => {
      const s = await support();
      const [commenter, silent] = [randomUUID(), randomUUID()];
      const round = closed(s, '1.0', [commenter], [silent]);
      await deliver(round.event);
      await deliver(published(s));
      expect(await inbox(commenter)).toEqual([
        {
          type: 'support.published',
          reasons: ['commented'],
          title: 'Era synpunkter har besvarats: Vård vid depression',
          message:
            'Socialstyrelsen har publicerat "Vård vid depression" (utgåva 1.0). Sammanställningen visar hur era synpunkter har besvarats.',
          title_en: 'Your comments have been answered: Vård vid depression',
          message_en:
            'Socialstyrelsen published "Vård vid depression" (edition 1.0). The report shows how your comments were answered.',
          link: `/consultations/${round.consultationId}/report`,
          subject_type: 'support',
          subject_id: s.supportId,
        },
      ]);
      expect(await inbox(silent)).toEqual([]);
      expect(await inbox(s.follower)).toEqual([expect.objectContaining({ reasons: ['subscribed_area'] })]);
    });

    it('tells them the same when the round closing arrives after the publication, once however often delivered', async () => {
      const s = await support();
      const commenter = randomUUID();
      await follow(commenter);
      const round = closed(s, '1.0', [commenter]);
      const publication = published(s);
      await deliver(publication);
      await deliver(round.event);
      await testbed.db.query('DELETE FROM processed_events');
      await deliver(round.event);
      await deliver(publication);
      // One notification of the publication, with both reasons and the words of the comments.
      expect(await inbox(commenter)).toEqual([
        expect.objectContaining({
          type: 'support.published',
          reasons: ['commented', 'subscribed_area'],
          title: 'Era synpunkter har besvarats: Vård vid depression',
          link: `/consultations/${round.consultationId}/report`,
        }),
      ]);
    });

    it('does not tell a first edition’s commenters of a revision, nor a revision’s of the first publication', async () => {
      const s = await support();
      const [first, second] = [randomUUID(), randomUUID()];
      await deliver(closed(s, '1.0', [first]).event);
      const round = closed(s, '2.0', [second]);
      await deliver(round.event);
      await deliver(published(s));
      await deliver(revised(s, 'minor', '2.0', 5));
      expect((await inbox(first)).map((row) => row.type)).toEqual(['support.published']);
      // A minor revision alerts no one, but those who commented in its round hear their comments were answered.
      expect(await inbox(second)).toEqual([
        expect.objectContaining({
          type: 'support.revised',
          reasons: ['commented'],
          message: expect.stringContaining('(utgåva 2.0)'),
          link: `/consultations/${round.consultationId}/report`,
        }),
      ]);
    });
  });

  describe('support.revised', () => {
    it('alerts the followers, the needs’ submitters and the appliers of a major revision, each in its words', async () => {
      const s = await support();
      const plannedOnly = randomUUID();
      const changedMind = randomUUID();
      await deliver(published(s));
      await deliver(applied(s, s.applier, 'applied', '2026-10-01T10:00:00.000Z'));
      await deliver(applied(s, plannedOnly, 'planned', '2026-10-01T10:00:00.000Z'));
      // The latest report counts: applied and later only planned is no applier; an older report arriving late changes nothing.
      await deliver(applied(s, changedMind, 'planned', '2026-11-01T10:00:00.000Z'));
      await deliver(applied(s, changedMind, 'applied', '2026-10-01T10:00:00.000Z'));
      const revision = revised(s, 'major', '2.0', 6);
      await deliver(revision);
      await deliver(revision);

      const revisedRow = (reason: string, why: string) => ({
        type: 'support.revised',
        reasons: [reason],
        title: 'Ny utgåva: Vård vid depression 2.0',
        title_en: 'New edition: Vård vid depression 2.0',
        message: `Socialstyrelsen har gjort en större revidering av "Vård vid depression"${why}. Utgåva 2.0 gäller nu. Ändring: Nya rekommendationer om läkemedel`,
        message_en: expect.stringContaining('made a major revision of "Vård vid depression"'),
        link: null,
        subject_type: 'support',
        subject_id: s.supportId,
      });
      expect((await inbox(s.follower)).filter((row) => row.type === 'support.revised')).toEqual([
        revisedRow('subscribed_area', ' inom Psykisk hälsa'),
      ]);
      expect((await inbox(s.submitter)).filter((row) => row.type === 'support.revised')).toEqual([
        revisedRow('answers_your_need', ', som besvarar ett behov som er organisation har lämnat in'),
      ]);
      expect(await inbox(s.applier)).toEqual([revisedRow('applied_it', ', som ni har rapporterat att ni har infört')]);
      expect(await inbox(plannedOnly)).toEqual([]);
      expect(await inbox(changedMind)).toEqual([]);
    });

    it('alerts no one of a minor revision', async () => {
      const s = await support();
      await deliver(published(s));
      await deliver(applied(s, s.applier, 'applied', new Date().toISOString()));
      await deliver(revised(s, 'minor', '1.1', 6));
      expect(await notificationsAbout(s.supportId, 'support.revised')).toBe(0);
    });
  });

  describe('support.withdrawn', () => {
    it('tells followers, submitters and appliers why, and names and links the replacement', async () => {
      const s = await support();
      const replacement = await support('Vård vid depression och ångest');
      await deliver(published(replacement));
      await deliver(applied(s, s.applier, 'applied', new Date().toISOString()));
      await deliver(withdrawn(s, { reason: 'Ersatt av nyare kunskap', replacedBySupportId: replacement.supportId }));
      const withdrawnRow = (reason: string, why: string) => ({
        type: 'support.withdrawn',
        reasons: [reason],
        title: 'Återkallat: Vård vid depression',
        title_en: 'Withdrawn: Vård vid depression',
        message: `Socialstyrelsen har återkallat "Vård vid depression"${why}. Det ersätts av "Vård vid depression och ångest". Skäl: Ersatt av nyare kunskap`,
        message_en: expect.stringContaining(
          'It is replaced by "Vård vid depression och ångest". Reason: Ersatt av nyare kunskap',
        ),
        link: `/supports/${replacement.supportId}`,
        subject_type: 'support',
        subject_id: s.supportId,
      });
      // The follower also heard of the replacement's publication: an area's followers hear of every support in it.
      expect((await inbox(s.follower)).filter((row) => row.subject_id === s.supportId)).toEqual([
        withdrawnRow('subscribed_area', ' inom Psykisk hälsa'),
      ]);
      expect(await inbox(s.submitter)).toEqual([
        withdrawnRow('answers_your_need', ', som besvarar ett behov som er organisation har lämnat in'),
      ]);
      expect(await inbox(s.applier)).toEqual([
        withdrawnRow('applied_it', ', som ni har rapporterat att ni har infört'),
      ]);
    });

    it('says so when nothing replaces it', async () => {
      const s = await support();
      await deliver(withdrawn(s, { answersNeeds: [], reason: 'Inaktuellt', replacedBySupportId: null, edition: null }));
      expect(await inbox(s.follower)).toEqual([
        expect.objectContaining({
          message:
            'Socialstyrelsen har återkallat "Vård vid depression" inom Psykisk hälsa. Inget kunskapsstöd ersätter det. Skäl: Inaktuellt',
          link: null,
        }),
      ]);
    });
  });

  describe('support.regional-addition-published', () => {
    it('tells the municipalities of the region, not the region itself nor another region’s', async () => {
      const [uppsala, enkoping, heby, gavleborg, gavle] = [
        randomUUID(),
        randomUUID(),
        randomUUID(),
        randomUUID(),
        randomUUID(),
      ];
      await testbed.knowDirectory({
        organisations: [
          { id: uppsala, kind: 'region', name: 'Region Uppsala' },
          { id: enkoping, kind: 'municipality', name: 'Enköpings kommun' },
          { id: heby, kind: 'municipality', name: 'Heby kommun' },
          { id: gavleborg, kind: 'region', name: 'Region Gävleborg' },
          { id: gavle, kind: 'municipality', name: 'Gävle kommun' },
        ],
      });
      await testbed.db.query('UPDATE known_organisations SET region_id = $1 WHERE id = ANY($2)', [
        uppsala,
        [uppsala, enkoping, heby],
      ]);
      await testbed.db.query('UPDATE known_organisations SET region_id = $1 WHERE id = ANY($2)', [
        gavleborg,
        [gavleborg, gavle],
      ]);
      const s = await support();
      await deliver(
        delivered(
          'support.regional-addition-published',
          { type: 'support', id: s.supportId, version: 4 },
          {
            additionId: randomUUID(),
            supportId: s.supportId,
            supportTitle: s.title,
            leadAgencyId: socialstyrelsen,
            regionId: uppsala,
            title: 'Vårdkedjan i Uppsala län',
            summary: 'Hur primärvården och psykiatrin samverkar',
            url: null,
            publishedAt: new Date().toISOString(),
          },
        ),
      );
      for (const municipality of [enkoping, heby]) {
        expect(await inbox(municipality)).toEqual([
          {
            type: 'support.regional-addition-published',
            reasons: ['in_your_region'],
            title: 'Regionalt tillägg: Vård vid depression',
            title_en: 'Regional addition: Vård vid depression',
            message:
              'Region Uppsala har publicerat ett regionalt tillägg till "Vård vid depression": Vårdkedjan i Uppsala län',
            message_en:
              'Region Uppsala published a regional addition to "Vård vid depression": Vårdkedjan i Uppsala län',
            link: `/organisations/${uppsala}/regional-additions`,
            subject_type: 'support',
            subject_id: s.supportId,
          },
        ]);
      }
      expect([...(await inbox(uppsala)), ...(await inbox(gavleborg)), ...(await inbox(gavle))]).toEqual([]);
      expect(await inbox(s.follower)).toEqual([]);
    });
  });
});
