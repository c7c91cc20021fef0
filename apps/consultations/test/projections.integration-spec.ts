import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EVENT_CATALOGUE, EventOf, EventType, PayloadOf, SYSTEM_ACTOR, validateEvent } from '@styrkedjan/contracts';
import { Transaction } from '@styrkedjan/messaging';
import { ServiceTestbed } from '@styrkedjan/testing';
import { SubscriptionsReplacedConsumer } from '../src/consultations/consumers/subscriptions-replaced.consumer';
import { SupportEventsConsumer } from '../src/consultations/consumers/support-events.consumer';
import { startConsultationsTestbed } from './consultations.testbed';

/** The service's own projections, fed with the events themselves, in any order. */
describe('consultations projections (integration)', () => {
  let testbed: ServiceTestbed;

  beforeAll(async () => {
    ({ testbed } = await startConsultationsTestbed());
  });

  afterAll(async () => {
    await testbed?.stop();
  });

  function event<T extends EventType>(
    type: T,
    aggregateId: string,
    version: number,
    payload: PayloadOf<T>,
  ): EventOf<T> {
    return validateEvent({
      id: randomUUID(),
      type,
      version: EVENT_CATALOGUE[type].version,
      occurredAt: new Date().toISOString(),
      producer: type.startsWith('support.') ? 'supports' : 'notifications',
      actor: SYSTEM_ACTOR,
      correlationId: 'projection-spec',
      causationId: null,
      aggregate: { type: type.startsWith('support.') ? 'support' : 'subscriptions', id: aggregateId, version },
      payload,
    }) as EventOf<T>;
  }

  const apply = (consumer: { handle(event: never, tx: Transaction): Promise<void> }, ...events: unknown[]) =>
    testbed.get(DataSource).transaction(async (manager) => {
      for (const one of events)
        await consumer.handle(
          one as never,
          new Transaction(manager, {
            producer: 'consultations',
            actor: SYSTEM_ACTOR,
            correlationId: 'p',
            causationId: null,
          }),
        );
    });

  const support = async (id: string) =>
    (await testbed.db.query('SELECT status, draft_edition, title FROM known_supports WHERE support_id = $1', [id]))
      .rows[0];

  it('follows a support from draft through revision to withdrawal, whatever the order', async () => {
    const supportId = randomUUID();
    const lead = randomUUID();
    const common = { supportId, leadAgencyId: lead, title: 'Vård vid depression', areaCode: 'health.primary-care' };
    const drafted = event('support.drafted', supportId, 1, {
      ...common,
      coProducerIds: [],
      summary: '',
      sector: 'health',
      answersNeeds: [],
      plannedReleaseDate: null,
      draftedAt: new Date().toISOString(),
    });
    const published = event('support.published', supportId, 2, {
      ...common,
      sector: 'health',
      answersNeeds: [],
      publishedAt: new Date().toISOString(),
    });
    const revising = event('support.revision-started', supportId, 3, {
      ...common,
      change: 'major',
      changeNote: 'Ny evidens',
      inForce: '1.0',
      edition: '2.0',
      startedAt: new Date().toISOString(),
    });
    const consumer = testbed.get(SupportEventsConsumer);
    // The revision arrives first; the older draft and publication then change nothing.
    await apply(consumer, revising, published, drafted);
    expect(await support(supportId)).toEqual({ status: 'draft', draft_edition: '2.0', title: common.title });
    await apply(
      consumer,
      event('support.withdrawn', supportId, 4, {
        ...common,
        sector: 'health',
        answersNeeds: [],
        reason: 'Ersatt',
        replacedBySupportId: null,
        edition: '1.0',
        withdrawnAt: new Date().toISOString(),
      }),
    );
    expect(await support(supportId)).toMatchObject({ status: 'withdrawn', draft_edition: null });
  });

  it('keeps the newest list of areas an organisation follows', async () => {
    const organisationId = randomUUID();
    const replaced = (areaCodes: string[], at: string) =>
      event('subscriptions.replaced', organisationId, 1, { organisationId, areaCodes, replacedAt: at });
    const consumer = testbed.get(SubscriptionsReplacedConsumer);
    await apply(consumer, replaced(['health.primary-care'], '2026-12-01T10:00:00Z'));
    await apply(consumer, replaced([], '2026-12-01T09:00:00Z')); // older, late
    const { rows } = await testbed.db.query('SELECT area_codes FROM followed_areas WHERE organisation_id = $1', [
      organisationId,
    ]);
    expect(rows).toEqual([{ area_codes: ['health.primary-care'] }]);
  });
});
