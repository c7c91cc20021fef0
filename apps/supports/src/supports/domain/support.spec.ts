import { Conflict, InvalidInput, NotPermitted } from '@styrkedjan/platform/errors';
import { nextEdition } from './edition';
import { CommentsUnanswered, ConsultationOpen, RoundState } from './publication-gate';
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
    productType: 'guidance',
    targetGroups: ['newly-arrived', 'pupils'],
    audience: { organisationKinds: ['municipality'], sectors: ['education'], professions: [] },
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
      productType: 'guidance',
      targetGroups: ['newly-arrived', 'pupils'],
      edition: '1.0',
      inForceEdition: null,
      revision: null,
      withdrawal: null,
    });
  });

  it('refuses a target group or an audience entry named twice, naming the repeat', () => {
    const audience = { organisationKinds: ['municipality', 'municipality'], sectors: ['education'], professions: [] };
    expect(
      issuesOf(() =>
        Support.draft(draftInput({ targetGroups: ['pupils', 'pupils'], audience: audience as DraftInput['audience'] })),
      ),
    ).toEqual([
      { field: 'targetGroups[1]', message: 'repeats targetGroups[0]' },
      { field: 'audience.organisationKinds[1]', message: 'repeats audience.organisationKinds[0]' },
    ]);
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
    support.publish(LEAD.toUpperCase(), publishedAt, []);
    expect(support.state).toMatchObject({ status: 'published', publishedAt, version: 2 });
  });

  it('refuses another agency, and a co-producer', () => {
    const support = Support.draft(draftInput());
    expect(() => support.publish(OTHER_AGENCY, publishedAt, [])).toThrow(NotPermitted);
    expect(() => support.publish(CO_PRODUCER, publishedAt, [])).toThrow(NotPermitted);
    expect(support.state).toMatchObject({ status: 'draft', version: 1, publishedAt: null });
  });

  it('refuses to publish twice', () => {
    const support = Support.draft(draftInput());
    support.publish(LEAD, publishedAt, []);
    expect(() => support.publish(LEAD, new Date(), [])).toThrow(IllegalTransition);
    expect(support.state).toMatchObject({ version: 2, publishedAt });
  });

  it('refuses a stranger before telling them the support is already published', () => {
    const support = Support.restore({
      ...Support.draft(draftInput()).state,
      status: 'published',
      publishedAt,
      version: 2,
    });
    expect(() => support.publish(OTHER_AGENCY, new Date(), [])).toThrow(NotPermitted);
    expect(() => support.publish(LEAD, new Date(), [])).toThrow(IllegalTransition);
  });
});

const at = (day: number) => new Date(Date.UTC(2026, 2, day, 8));
const round = (overrides: Partial<RoundState> = {}): RoundState => ({
  consultationId: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
  edition: '1.0',
  open: false,
  commentCount: 40,
  answeredCount: 40,
  ...overrides,
});

function published(): Support {
  const support = Support.draft(draftInput());
  support.publish(LEAD, at(1), []);
  return support;
}

describe('editing a draft', () => {
  it('lets the lead and a co-producer change what the draft says, naming only the fields that changed', () => {
    const support = Support.draft(draftInput());
    expect(support.edit(CO_PRODUCER, { title: 'Ny titel', summary: support.state.summary }, null)).toEqual({
      changed: ['title'],
      rescheduled: null,
    });
    expect(support.edit(LEAD, { targetGroups: ['pupils'] }, null).changed).toEqual(['targetGroups']);
    expect(support.state).toMatchObject({ title: 'Ny titel', targetGroups: ['pupils'], version: 3 });
  });

  it('changes nothing, and keeps its version, when nothing differs', () => {
    const support = Support.draft(draftInput());
    expect(support.edit(LEAD, { title: support.state.title }, null)).toEqual({ changed: [], rescheduled: null });
    expect(support.state.version).toBe(1);
  });

  it('needs a reason to move the planned release date, and counts the move as a second step', () => {
    const support = Support.draft(draftInput());
    expect(issuesOf(() => support.edit(LEAD, { plannedReleaseDate: '2026-06-01' }, '  '))).toEqual([
      { field: 'rescheduleReason', message: 'is required to move the planned release date' },
    ]);
    expect(support.edit(LEAD, { plannedReleaseDate: '2026-06-01' }, 'Remissen förlängdes')).toEqual({
      changed: ['plannedReleaseDate'],
      rescheduled: { previousDate: '2026-03-01', reason: 'Remissen förlängdes' },
    });
    expect(support.state).toMatchObject({ plannedReleaseDate: '2026-06-01', version: 3 });
  });

  it('refuses another agency, a published support without a revision, and a withdrawn one', () => {
    expect(() => Support.draft(draftInput()).edit(OTHER_AGENCY, { title: 'X' }, null)).toThrow(NotPermitted);
    expect(() => published().edit(LEAD, { title: 'X' }, null)).toThrow(
      expect.objectContaining({ status: 409, code: 'no_draft' }),
    );
    const withdrawn = published();
    withdrawn.withdraw(LEAD, 'Ersatt', null, at(2));
    expect(() => withdrawn.edit(LEAD, { title: 'X' }, null)).toThrow(
      expect.objectContaining({ status: 409, code: 'withdrawn' }),
    );
  });
});

describe('publishing waits for the answers', () => {
  it('refuses while a round of the edition is open', () => {
    const support = Support.draft(draftInput());
    expect(() => support.publish(LEAD, at(1), [round({ open: true, commentCount: 0, answeredCount: 0 })])).toThrow(
      ConsultationOpen,
    );
    expect(support.state).toMatchObject({ status: 'draft', version: 1 });
  });

  it('refuses with the count while comments of a closed round are unanswered', () => {
    const support = Support.draft(draftInput());
    const refusal = (() => {
      try {
        support.publish(LEAD, at(1), [round({ answeredCount: 28 }), round({ consultationId: 'x', commentCount: 0 })]);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(CommentsUnanswered);
    expect(refusal).toMatchObject({
      status: 409,
      code: 'comments_unanswered',
      message: expect.stringContaining('12 of 40 comments are unanswered'),
      current: { unanswered: 12, commentCount: 40 },
    });
  });

  it('publishes once every comment is answered; rounds of another edition do not count', () => {
    const support = Support.draft(draftInput());
    expect(support.publish(LEAD, at(1), [round(), round({ edition: '0.9', open: true })])).toEqual({
      kind: 'first',
      edition: '1.0',
    });
    expect(support.state).toMatchObject({ status: 'published', inForceEdition: '1.0', version: 2 });
  });
});

describe('editions', () => {
  it('numbers a major revision of 1.x as 2.0 and a minor one as 1.(x+1)', () => {
    expect(nextEdition('1.0', 'major')).toBe('2.0');
    expect(nextEdition('1.3', 'major')).toBe('2.0');
    expect(nextEdition('1.0', 'minor')).toBe('1.1');
    expect(nextEdition('2.9', 'minor')).toBe('2.10');
  });
});

describe('revising', () => {
  it('drafts the next edition beside the one in force, and publishing it replaces that one', () => {
    const support = published();
    support.startRevision(LEAD, 'major', 'Ny evidens', at(2));
    expect(support.state).toMatchObject({
      status: 'published',
      edition: '2.0',
      inForceEdition: '1.0',
      revision: { change: 'major', changeNote: 'Ny evidens', startedAt: at(2) },
      version: 3,
    });
    support.edit(LEAD, { summary: 'Reviderad' }, null);
    expect(support.publish(LEAD, at(3), [])).toEqual({
      kind: 'revision',
      edition: '2.0',
      previousEdition: '1.0',
      change: 'major',
      changeNote: 'Ny evidens',
    });
    expect(support.state).toMatchObject({ edition: '2.0', inForceEdition: '2.0', revision: null, version: 5 });
    // The first publication's time stays that of 1.0.
    expect(support.state.publishedAt).toEqual(at(1));
  });

  it('refuses a revision of a draft, of a withdrawn support, a second one at a time, and from anyone but the lead', () => {
    const code = (run: () => void) => {
      try {
        run();
      } catch (error) {
        return error instanceof Conflict ? error.code : (error as Error).name;
      }
    };
    expect(code(() => Support.draft(draftInput()).startRevision(LEAD, 'minor', 'x', at(2)))).toBe('not_published');
    const revising = published();
    revising.startRevision(LEAD, 'minor', 'x', at(2));
    expect(code(() => revising.startRevision(LEAD, 'minor', 'y', at(3)))).toBe('revision_in_progress');
    const withdrawn = published();
    withdrawn.withdraw(LEAD, 'Inaktuell', null, at(2));
    expect(code(() => withdrawn.startRevision(LEAD, 'major', 'x', at(3)))).toBe('withdrawn');
    expect(code(() => published().startRevision(CO_PRODUCER, 'major', 'x', at(3)))).toBe('NotPermitted');
  });

  it("holds a revision back while its own round has unanswered comments, not for the first edition's", () => {
    const support = published();
    support.startRevision(LEAD, 'minor', 'Förtydliganden', at(2));
    expect(() => support.publish(LEAD, at(3), [round({ edition: '1.1', answeredCount: 39 })])).toThrow(
      CommentsUnanswered,
    );
    expect(support.publish(LEAD, at(3), [round({ edition: '1.0', answeredCount: 0 })]).edition).toBe('1.1');
  });
});

describe('withdrawing', () => {
  const REPLACEMENT = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';

  it('marks the support withdrawn with its reason and replacement, ending a revision in progress', () => {
    const support = published();
    support.startRevision(LEAD, 'major', 'x', at(2));
    support.withdraw(LEAD, 'Ersatt av nya riktlinjer', REPLACEMENT.toUpperCase(), at(3));
    expect(support.state).toMatchObject({
      status: 'withdrawn',
      inForceEdition: '1.0',
      revision: null,
      withdrawal: { reason: 'Ersatt av nya riktlinjer', replacedBySupportId: REPLACEMENT, withdrawnAt: at(3) },
    });
  });

  it('refuses a second withdrawal, the support as its own replacement, and anyone but the lead', () => {
    const support = published();
    expect(issuesOf(() => support.withdraw(LEAD, 'x', support.state.id.toUpperCase(), at(2)))).toEqual([
      { field: 'replacedBySupportId', message: 'is the withdrawn support itself' },
    ]);
    expect(() => support.withdraw(CO_PRODUCER, 'x', null, at(2))).toThrow(NotPermitted);
    support.withdraw(LEAD, 'x', null, at(2));
    expect(() => support.withdraw(LEAD, 'y', null, at(3))).toThrow(IllegalTransition);
    expect(() => support.publish(LEAD, at(3), [])).toThrow(IllegalTransition);
  });
});

describe('regional additions', () => {
  it('are added to a support in force only', () => {
    expect(() => Support.draft(draftInput()).requireInForce('regional addition')).toThrow(
      expect.objectContaining({ code: 'not_published' }),
    );
    expect(() => published().requireInForce('regional addition')).not.toThrow();
    const withdrawn = published();
    withdrawn.withdraw(LEAD, 'x', null, at(2));
    expect(() => withdrawn.requireInForce('regional addition')).toThrow(expect.objectContaining({ code: 'withdrawn' }));
  });
});
