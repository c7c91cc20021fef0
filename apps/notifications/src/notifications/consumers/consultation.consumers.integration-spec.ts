import { randomUUID } from 'node:crypto';
import { AnyEvent, EventOf, PayloadOf } from '@styrkedjan/contracts';
import { ConsumerHost, Delivery } from '@styrkedjan/messaging';
import { ServiceTestbed } from '@styrkedjan/testing';
import { delivered, inboxOf, startNotificationsTestbed } from '../../notifications.testbed';

/**
 * The consumers that tell a round's consultees and its lead agency what happens to it, fed as the worker feeds
 * them and asserted by the inbox rows they leave; a redelivery leaves no second row.
 */
describe('consultation notifications (integration)', () => {
  let testbed: ServiceTestbed;
  let host: ConsumerHost;
  const socialstyrelsen = randomUUID();

  beforeAll(async () => {
    testbed = await startNotificationsTestbed({ queues: true });
    host = testbed.get(ConsumerHost);
    await testbed.knowDirectory({
      organisations: [{ id: socialstyrelsen, kind: 'agency', name: 'Socialstyrelsen' }],
    });
  });

  afterAll(async () => {
    await testbed?.stop();
  });

  const deliver = (event: AnyEvent): Promise<Delivery> => host.process({ data: event });

  const inbox = (organisationId: string) => inboxOf(testbed, organisationId);

  /** A round of three consultees on edition 1.0 of a support, closing at the end of 15 February 2027 in Sweden. */
  function round() {
    const consultationId = randomUUID();
    const consultees = [randomUUID(), randomUUID(), randomUUID()];
    const ref = {
      consultationId,
      supportId: randomUUID(),
      supportTitle: 'Vård vid depression',
      leadAgencyId: socialstyrelsen,
      edition: '1.0',
    };
    const aggregate = { type: 'consultation', id: consultationId, version: 1 };
    const event = <T extends AnyEvent['type']>(type: T, payload: Omit<PayloadOf<T>, keyof typeof ref>, version = 1) =>
      delivered(type, { ...aggregate, version }, { ...ref, ...payload } as PayloadOf<T>);
    return { ...ref, consultees, event };
  }

  const CLOSES_AT = '2027-02-15T22:59:59.999Z';

  it('invites every consultee with the support, its edition, the deadline and the round to respond in', async () => {
    const r = round();
    const opened: EventOf<'consultation.opened'> = r.event('consultation.opened', {
      areaCode: 'health.mental-health',
      consulteeIds: r.consultees,
      questions: [{ id: 'q1', text: 'Är rekommendationerna genomförbara?' }],
      sections: [],
      documentUrl: null,
      closesAt: CLOSES_AT,
      openedAt: new Date().toISOString(),
    });
    expect(await deliver(opened)).toBe('processed');
    expect(await deliver(opened)).toBe('duplicate');
    for (const consultee of r.consultees) {
      expect(await inbox(consultee)).toEqual([
        {
          type: 'consultation.opened',
          reasons: ['consultee'],
          title: 'Remiss: Vård vid depression',
          message:
            'Socialstyrelsen skickar "Vård vid depression" (utgåva 1.0) på remiss till er. Svara senast 15 februari 2027.',
          title_en: 'Consultation: Vård vid depression',
          message_en:
            'Socialstyrelsen invites you to comment on "Vård vid depression" (edition 1.0). Respond by 15 February 2027.',
          link: `/consultations/${r.consultationId}`,
          subject_type: 'consultation',
          subject_id: r.consultationId,
        },
      ]);
    }
    // The lead agency does not invite itself.
    expect(await inbox(socialstyrelsen)).toEqual([]);
  });

  it('tells every consultee the new deadline and the reason of an extension', async () => {
    const r = round();
    await deliver(
      r.event(
        'consultation.extended',
        {
          consulteeIds: r.consultees,
          previousClosesAt: CLOSES_AT,
          closesAt: '2027-03-01T22:59:59.999Z',
          reason: 'Sportlovet',
          extendedAt: new Date().toISOString(),
        },
        2,
      ),
    );
    for (const consultee of r.consultees) {
      expect(await inbox(consultee)).toEqual([
        expect.objectContaining({
          type: 'consultation.extended',
          reasons: ['consultee'],
          title: 'Remisstiden har förlängts: Vård vid depression',
          message: 'Remissen av "Vård vid depression" stänger nu 1 mars 2027. Skäl: Sportlovet',
          message_en: 'The consultation on "Vård vid depression" now closes on 1 March 2027. Reason: Sportlovet',
          link: `/consultations/${r.consultationId}`,
        }),
      ]);
    }
  });

  it('reminds only the consultees that have not submitted, once', async () => {
    const r = round();
    const [submitted, ...pending] = r.consultees;
    const reminder = r.event('consultation.closing-soon', {
      pendingConsulteeIds: pending,
      closesAt: CLOSES_AT,
      remindedAt: new Date().toISOString(),
    });
    await deliver(reminder);
    await deliver(reminder);
    for (const consultee of pending) {
      expect(await inbox(consultee)).toEqual([
        expect.objectContaining({
          type: 'consultation.closing-soon',
          reasons: ['consultee'],
          title: 'Påminnelse: remissen av Vård vid depression stänger snart',
          message: 'Ni har ännu inte lämnat ert remissvar på "Vård vid depression". Svara senast 15 februari 2027.',
        }),
      ]);
    }
    expect(await inbox(submitted)).toEqual([]);
  });

  it('tells the lead agency the response rate and the comments to answer when the round closes, and no consultee', async () => {
    const r = round();
    const [first, second, silent] = r.consultees;
    await deliver(
      r.event('consultation.closed', {
        early: false,
        respondents: [
          { organisationId: first, commentCount: 4 },
          { organisationId: second, commentCount: 0 },
        ],
        nonRespondentIds: [silent],
        responseRates: { byKind: [{ kind: 'municipality', invited: 3, responded: 2 }], byCounty: [] },
        commentCount: 4,
        closedAt: new Date().toISOString(),
      }),
    );
    expect(await inbox(socialstyrelsen)).toEqual([
      expect.objectContaining({
        type: 'consultation.closed',
        reasons: ['your_consultation'],
        title: 'Remissen har stängt: Vård vid depression',
        message: '2 av 3 remissinstanser har svarat (67 %), med 4 synpunkter att besvara.',
        message_en: '2 of 3 consultees responded (67%), with 4 comments to answer.',
        link: `/consultations/${r.consultationId}/report`,
        subject_type: 'consultation',
      }),
    ]);
    for (const consultee of r.consultees) expect(await inbox(consultee)).toEqual([]);
  });
});
