import { randomUUID } from 'node:crypto';
import { validateEvent } from '@styrkedjan/contracts';
import { Support } from '../domain/support';
import { toSupportView } from '../views/support.view';
import { supportDraftedPayload, supportPublishedPayload } from './support-events';

const LEAD = '11111111-1111-4111-8111-111111111111';
const CO_PRODUCER = '33333333-3333-4333-8333-333333333333';
const NEED = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const MUNICIPALITY = '44444444-4444-4444-8444-444444444444';

/** Wraps a payload as Transaction.record would, so the catalogue's schema judges it. */
function envelope(type: string, aggregateVersion: number, payload: object) {
  return {
    id: randomUUID(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    producer: 'supports',
    actor: { organisationId: LEAD, userId: null, method: 'organisation-header' },
    correlationId: 'c-1',
    causationId: null,
    aggregate: { type: 'support', id: randomUUID(), version: aggregateVersion },
    payload,
  };
}

function drafted(plannedReleaseDate: string | null = '2026-03-01') {
  return Support.draft({
    id: randomUUID(),
    author: { organisationId: LEAD },
    title: 'Nationella riktlinjer för vård vid depression',
    summary: 'Rekommendationer.',
    area: { code: 'health.npo-mental-health', sector: 'health' },
    coProducerIds: [CO_PRODUCER],
    needIds: [NEED],
    plannedReleaseDate,
    draftedAt: new Date('2025-11-20T10:00:00.000Z'),
  });
}

const answers = [{ needId: NEED, organisationId: MUNICIPALITY }];

describe('support events', () => {
  it('builds a support.drafted payload the contract accepts, with or without a planned date', () => {
    for (const planned of ['2026-03-01', null]) {
      const support = drafted(planned);
      const payload = supportDraftedPayload(support.state, answers);
      expect(() => validateEvent(envelope('support.drafted', 1, payload))).not.toThrow();
      expect(payload).toMatchObject({
        supportId: support.state.id,
        leadAgencyId: LEAD,
        sector: 'health',
        answersNeeds: answers,
        plannedReleaseDate: planned,
        draftedAt: '2025-11-20T10:00:00.000Z',
      });
    }
  });

  it('builds a support.published payload the contract accepts', () => {
    const support = drafted();
    support.publish(LEAD, new Date('2026-03-01T08:00:00.000Z'));
    const payload = supportPublishedPayload(support.state, answers);
    expect(() => validateEvent(envelope('support.published', 2, payload))).not.toThrow();
    expect(payload).toMatchObject({ answersNeeds: answers, publishedAt: '2026-03-01T08:00:00.000Z' });
  });

  it('will not announce the publication of a draft', () => {
    expect(() => supportPublishedPayload(drafted().state, answers)).toThrow(/not published/);
  });
});

describe('support view', () => {
  it('is plain JSON with ISO date strings, so an idempotent replay answers the same', () => {
    const support = drafted();
    const view = toSupportView(support.state);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    expect(view).toMatchObject({
      draftedAt: '2025-11-20T10:00:00.000Z',
      publishedAt: null,
      plannedReleaseDate: '2026-03-01',
      status: 'draft',
      version: 1,
    });
  });
});
