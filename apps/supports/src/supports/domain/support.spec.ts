import { InvalidInput, NotPermitted } from '@styrkedjan/platform/errors';
import { DraftInput, duplicatesIn, IllegalTransition, Support } from './support';

const LEAD = '11111111-1111-4111-8111-111111111111';
const OTHER_AGENCY = '22222222-2222-4222-8222-222222222222';
const CO_PRODUCER = '33333333-3333-4333-8333-333333333333';
const NEED_A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const NEED_B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

function draftInput(overrides: Partial<DraftInput> = {}): DraftInput {
  return {
    id: '99999999-9999-4999-8999-999999999999',
    author: { organisationId: LEAD },
    title: 'Vägledning för mottagande av nyanlända elever',
    summary: 'Hur skolan tar emot nyanlända.',
    area: { code: 'education.compulsory-school', sector: 'education' },
    coProducerIds: [CO_PRODUCER],
    needIds: [NEED_A, NEED_B],
    plannedReleaseDate: '2026-03-01',
    draftedAt: new Date('2025-11-20T10:00:00.000Z'),
    ...overrides,
  };
}

function issuesOf(run: () => unknown): { field: string; message: string }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInput) return [...error.issues];
    throw error;
  }
  throw new Error('expected InvalidInput');
}

describe('drafting', () => {
  it('makes the acting agency the lead, as a draft at version 1 with the sector of its area', () => {
    const { state } = Support.draft(draftInput());
    expect(state).toMatchObject({
      leadAgencyId: LEAD,
      status: 'draft',
      version: 1,
      sector: 'education',
      areaCode: 'education.compulsory-school',
      needIds: [NEED_A, NEED_B],
      coProducerIds: [CO_PRODUCER],
      plannedReleaseDate: '2026-03-01',
      publishedAt: null,
    });
  });

  it('stores ids in lower case, as PostgreSQL prints them', () => {
    const { state } = Support.draft(
      draftInput({
        author: { organisationId: LEAD.toUpperCase() },
        needIds: [NEED_A.toUpperCase()],
      }),
    );
    expect(state.leadAgencyId).toBe(LEAD);
    expect(state.needIds).toEqual([NEED_A]);
  });

  it('refuses the lead agency as its own co-producer, naming the entry', () => {
    expect(issuesOf(() => Support.draft(draftInput({ coProducerIds: [CO_PRODUCER, LEAD.toUpperCase()] })))).toEqual([
      { field: 'coProducerIds[1]', message: 'is the lead agency itself' },
    ]);
  });

  it('refuses a need named twice, naming the repeat', () => {
    expect(issuesOf(() => Support.draft(draftInput({ needIds: [NEED_A, NEED_B, NEED_A] })))).toEqual([
      { field: 'needIds[2]', message: 'repeats needIds[0]' },
    ]);
  });

  it('refuses a co-producer named twice, whatever the case of the letters', () => {
    expect(
      issuesOf(() => Support.draft(draftInput({ coProducerIds: [CO_PRODUCER, CO_PRODUCER.toUpperCase()] }))),
    ).toEqual([{ field: 'coProducerIds[1]', message: 'repeats coProducerIds[0]' }]);
  });

  it('reports every broken rule at once', () => {
    const issues = issuesOf(() =>
      Support.draft(draftInput({ needIds: [NEED_A, NEED_A], coProducerIds: [LEAD, LEAD] })),
    );
    expect(issues.map((issue) => issue.field)).toEqual([
      'needIds[1]',
      'coProducerIds[1]',
      'coProducerIds[0]',
      'coProducerIds[1]',
    ]);
  });

  it('accepts a draft answering no needs, with no co-producers and no planned date', () => {
    const { state } = Support.draft(draftInput({ needIds: [], coProducerIds: [], plannedReleaseDate: null }));
    expect(state).toMatchObject({ needIds: [], coProducerIds: [], plannedReleaseDate: null });
  });

  it('finds no duplicates in distinct ids', () => {
    expect(duplicatesIn([NEED_A, NEED_B], 'needIds')).toEqual([]);
  });
});

describe('publishing', () => {
  const publishedAt = new Date('2026-03-01T08:00:00.000Z');

  it('lets the lead agency publish a draft, moving it to version 2', () => {
    const support = Support.draft(draftInput());
    support.publish(LEAD.toUpperCase(), publishedAt);
    expect(support.state).toMatchObject({ status: 'published', publishedAt, version: 2 });
  });

  it('refuses another agency, and a co-producer', () => {
    const support = Support.draft(draftInput());
    expect(() => support.publish(OTHER_AGENCY, publishedAt)).toThrow(NotPermitted);
    expect(() => support.publish(CO_PRODUCER, publishedAt)).toThrow(NotPermitted);
    expect(support.state).toMatchObject({ status: 'draft', version: 1, publishedAt: null });
  });

  it('refuses to publish twice', () => {
    const support = Support.draft(draftInput());
    support.publish(LEAD, publishedAt);
    expect(() => support.publish(LEAD, new Date())).toThrow(IllegalTransition);
    expect(support.state).toMatchObject({ version: 2, publishedAt });
  });

  it('refuses a stranger before telling them the support is already published', () => {
    const support = Support.restore({
      ...Support.draft(draftInput()).state,
      status: 'published',
      publishedAt,
      version: 2,
    });
    expect(() => support.publish(OTHER_AGENCY, new Date())).toThrow(NotPermitted);
    expect(() => support.publish(LEAD, new Date())).toThrow(IllegalTransition);
  });
});
