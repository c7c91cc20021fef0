import { randomUUID } from 'node:crypto';
import { type EventOf, validateEvent } from '@styrkedjan/contracts';
import { UnitOfWork } from '@styrkedjan/messaging';
import { actingAs, ServiceTestbed } from '@styrkedjan/testing';
import { DraftSupportCommand } from '../commands/draft-support/draft-support.command';
import { KNOWN, startSupportsTestbed } from '../supports.testbed';
import { OverlapResolvedConsumer } from './overlap-resolved.consumer';

/** An overlap resolved by coordinating, as the coordination service's relay delivers it. */
describe('overlaps resolved by coordinating (integration)', () => {
  let testbed: ServiceTestbed;

  beforeAll(async () => {
    testbed = await startSupportsTestbed();
  });

  afterAll(async () => {
    await testbed?.stop();
  });

  const resolved = (supportId: string, coProducer: { supportId: string; organisationId: string } | null) =>
    validateEvent({
      id: randomUUID(),
      type: 'coordination.overlap-resolved',
      version: 1,
      occurredAt: new Date().toISOString(),
      producer: 'coordination',
      actor: { organisationId: null, userId: null, method: 'system' },
      correlationId: randomUUID(),
      causationId: null,
      aggregate: { type: 'overlap', id: randomUUID(), version: 2 },
      payload: {
        overlapId: randomUUID(),
        kind: 'support',
        supportId,
        supportTitle: 'Stöd vid depression',
        leadAgencyId: KNOWN.socialstyrelsen,
        otherSupportId: randomUUID(),
        otherSupportTitle: 'Depression i primärvården',
        otherLeadAgencyId: KNOWN.folkhalsomyndigheten,
        needId: null,
        areaCode: KNOWN.area.code,
        resolution: coProducer ? 'coordinate' : 'distinct',
        rationale: 'Vi tar fram stödet tillsammans',
        resolvedByOrganisationId: KNOWN.socialstyrelsen,
        coProducer,
        withdrawSupportId: null,
        keepSupportId: null,
        resolvedAt: new Date().toISOString(),
      },
    }) as EventOf<'coordination.overlap-resolved'>;

  const consume = (event: EventOf<'coordination.overlap-resolved'>) =>
    testbed
      .get(UnitOfWork)
      .run({ principal: null, correlationId: event.correlationId, idempotency: null, system: true }, 'consume', (tx) =>
        testbed.get(OverlapResolvedConsumer).handle(event, tx),
      );

  it('adds the other agency as a co-producer once, never the lead itself', async () => {
    const draft = await testbed.execute(
      new DraftSupportCommand(
        actingAs(KNOWN.socialstyrelsen, 'agency'),
        'Stöd vid depression',
        '',
        KNOWN.area.code,
        [],
        [],
        null,
      ),
    );
    const coProducer = { supportId: draft.id, organisationId: KNOWN.folkhalsomyndigheten };
    await consume(resolved(draft.id, coProducer));
    await consume(resolved(draft.id, coProducer));
    await consume(resolved(draft.id, { supportId: draft.id, organisationId: KNOWN.socialstyrelsen }));
    await consume(resolved(draft.id, null));
    const { rows } = await testbed.db.query('SELECT co_producer_ids, version FROM supports WHERE id = $1', [draft.id]);
    expect(rows).toEqual([{ co_producer_ids: [KNOWN.folkhalsomyndigheten], version: 1 }]);
  });
});
