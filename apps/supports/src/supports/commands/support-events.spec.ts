import { randomUUID } from 'node:crypto';
import { EVENT_CATALOGUE, validateEvent } from '@styrkedjan/contracts';
import { Support } from '../domain/support';
import { toSupportView } from '../views/support.view';
import {
  supportDraftedPayload,
  supportPublishedPayload,
  supportRescheduledPayload,
  supportRevisedPayload,
  supportRevisionStartedPayload,
  supportUpdatedPayload,
  supportWithdrawnPayload,
} from './support-events';

const LEAD = '11111111-1111-4111-8111-111111111111';
const CO_PRODUCER = '33333333-3333-4333-8333-333333333333';
const NEED = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const MUNICIPALITY = '44444444-4444-4444-8444-444444444444';

/** Wraps a payload as Transaction.record would, so the catalogue's schema judges it. */
function envelope(type: keyof typeof EVENT_CATALOGUE, aggregateVersion: number, payload: object) {
  return {
    id: randomUUID(),
    type,
    version: EVENT_CATALOGUE[type].version,
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
    productType: 'guideline',
    targetGroups: ['people-with-mental-illness'],
    audience: { organisationKinds: ['region', 'municipality'], sectors: ['health', 'social'], professions: ['läkare'] },
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
    support.publish(LEAD, new Date('2026-03-01T08:00:00.000Z'), []);
    const payload = supportPublishedPayload(support.state, answers);
    expect(() => validateEvent(envelope('support.published', 2, payload))).not.toThrow();
    expect(payload).toMatchObject({
      answersNeeds: answers,
      edition: '1.0',
      productType: 'guideline',
      audience: { organisationKinds: ['region', 'municipality'] },
      publishedAt: '2026-03-01T08:00:00.000Z',
    });
  });

  it('builds payloads of an edit, a reschedule, a revision, its publication and a withdrawal the contract accepts', () => {
    const support = drafted();
    const at = new Date('2026-02-01T08:00:00.000Z');
    const edit = support.edit(CO_PRODUCER, { title: 'Ny titel', plannedReleaseDate: '2026-05-01' }, 'Remissen');
    const updated = supportUpdatedPayload(support.state, answers, edit, at);
    expect(() => validateEvent(envelope('support.updated', 2, updated))).not.toThrow();
    expect(updated).toMatchObject({ changed: ['title', 'plannedReleaseDate'], title: 'Ny titel', edition: '1.0' });
    const rescheduled = supportRescheduledPayload(support.state, edit.rescheduled!, at);
    expect(() => validateEvent(envelope('support.rescheduled', 3, rescheduled))).not.toThrow();
    expect(rescheduled).toMatchObject({
      previousDate: '2026-03-01',
      plannedReleaseDate: '2026-05-01',
      reason: 'Remissen',
    });

    support.publish(LEAD, at, []);
    support.startRevision(LEAD, 'major', 'Ny evidens', at);
    const started = supportRevisionStartedPayload(support.state);
    expect(() => validateEvent(envelope('support.revision-started', 5, started))).not.toThrow();
    expect(started).toMatchObject({ inForce: '1.0', edition: '2.0', change: 'major' });
    const publication = support.publish(LEAD, at, []);
    if (publication.kind !== 'revision') throw new Error('expected a revision');
    const revised = supportRevisedPayload(support.state, answers, publication, at);
    expect(() => validateEvent(envelope('support.revised', 6, revised))).not.toThrow();
    expect(revised).toMatchObject({ previousEdition: '1.0', edition: '2.0', changeNote: 'Ny evidens' });

    support.withdraw(LEAD, 'Ersatt', null, at);
    const withdrawn = supportWithdrawnPayload(support.state, answers);
    expect(() => validateEvent(envelope('support.withdrawn', 7, withdrawn))).not.toThrow();
    expect(withdrawn).toMatchObject({ edition: '2.0', reason: 'Ersatt', replacedBySupportId: null });
  });

  it('reads v1 of support.drafted and support.published as v2: edition 1.0, nothing classified', () => {
    const {
      productType: _p,
      targetGroups: _t,
      audience: _a,
      edition: _e,
      ...v1
    } = supportDraftedPayload(drafted().state, answers);
    const read = validateEvent({ ...envelope('support.drafted', 1, v1), version: 1 });
    expect(read).toMatchObject({
      version: 2,
      payload: { ...v1, productType: null, targetGroups: [], edition: '1.0', audience: { sectors: [] } },
    });
    const support = drafted();
    support.publish(LEAD, new Date('2026-03-01T08:00:00.000Z'), []);
    const { supportId, leadAgencyId, title, areaCode, sector, publishedAt } = supportPublishedPayload(
      support.state,
      [],
    );
    const v1Published = { supportId, leadAgencyId, title, areaCode, sector, answersNeeds: [], publishedAt };
    expect(validateEvent({ ...envelope('support.published', 2, v1Published), version: 1 })).toMatchObject({
      version: 2,
      payload: { ...v1Published, summary: '', coProducerIds: [], edition: '1.0', productType: null },
    });
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
