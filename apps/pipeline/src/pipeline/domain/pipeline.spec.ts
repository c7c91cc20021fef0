import { UNCLASSIFIED_DRAFT, UNCLASSIFIED_PUBLICATION } from '@styrkedjan/testing';
import {
  type NeedStage,
  countStages,
  emptyPipelineState,
  FoldableEvent,
  foldEvent,
  foldIntoSlice,
  sliceOfAll,
  instant,
  needStage,
  PipelineState,
  StageCount,
  supportStage,
} from './pipeline';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const N1 = id(1);
const N2 = id(2);
const N3 = id(3); // named by a support, never identified
const N4 = id(4); // named only by a revised draft, never identified
const S1 = id(11);
const S2 = id(12);
const STOCKHOLM = id(21);
const MALMO = id(22);
const SOCIALSTYRELSEN = id(31);
const SKOLVERKET = id(32);
const at = (day: number) => `2026-01-${String(day).padStart(2, '0')}T10:00:00.000Z`;

function identified(
  needId: string,
  organisationId: string,
  day: number,
  areaCode = 'health.primary-care',
): FoldableEvent {
  return {
    type: 'need.identified',
    aggregate: { type: 'need', id: needId, version: 1 },
    payload: {
      needId,
      organisationId,
      title: `Behov ${needId.slice(-2)}`,
      description: '',
      areaCode,
      sector: areaCode.startsWith('education') ? 'education' : 'health',
      targetGroups: ['older-people'],
      note: null,
      identifiedAt: at(day),
    },
  };
}

function drafted(
  supportId: string,
  needs: [string, string][],
  day: number,
  title = 'Utkast',
  areaCode = 'health.primary-care',
  version = 1,
): FoldableEvent {
  return {
    type: 'support.drafted',
    aggregate: { type: 'support', id: supportId, version },
    payload: {
      supportId,
      leadAgencyId: SOCIALSTYRELSEN,
      coProducerIds: [],
      title,
      summary: '',
      areaCode,
      sector: areaCode.startsWith('education') ? 'education' : 'health',
      answersNeeds: needs.map(([needId, organisationId]) => ({ needId, organisationId })),
      plannedReleaseDate: null,
      draftedAt: at(day),
      ...UNCLASSIFIED_DRAFT,
    },
  };
}

function published(
  supportId: string,
  needs: [string, string][],
  day: number,
  title = 'Slutlig',
  areaCode = 'health.primary-care',
  version = 2,
): FoldableEvent {
  return {
    type: 'support.published',
    aggregate: { type: 'support', id: supportId, version },
    payload: {
      supportId,
      leadAgencyId: areaCode.startsWith('education') ? SKOLVERKET : SOCIALSTYRELSEN,
      title,
      areaCode,
      sector: areaCode.startsWith('education') ? 'education' : 'health',
      answersNeeds: needs.map(([needId, organisationId]) => ({ needId, organisationId })),
      publishedAt: at(day),
      ...UNCLASSIFIED_PUBLICATION,
    },
  };
}

function feedback(supportId: string, n: number, day: number): FoldableEvent {
  return {
    type: 'feedback.received',
    aggregate: { type: 'feedback', id: id(100 + n), version: 1 },
    payload: {
      feedbackId: id(100 + n),
      supportId,
      leadAgencyId: SOCIALSTYRELSEN,
      supportTitle: 'Titel när återkopplingen skrevs',
      organisationId: STOCKHOLM,
      usefulness: 4,
      applicationStatus: 'applied',
      comment: '',
      receivedAt: at(day),
    },
  };
}

const N5 = id(5);
const N6 = id(6);
const N7 = id(7);
const S3 = id(13);

/** A transition the needs service records: the need's stage after it, at the need's next version. */
function endorsed(needId: string, version: number, stage: NeedStage, day: number): FoldableEvent {
  return {
    type: 'need.endorsed',
    aggregate: { type: 'need', id: needId, version },
    payload: {
      needId,
      organisationId: MALMO,
      comment: null,
      localContext: null,
      reopensReview: stage === 'under-review',
      stage,
      endorsedAt: at(day),
    },
  };
}

function triaged(needId: string, version: number, stage: NeedStage, day: number): FoldableEvent {
  return {
    type: 'need.triaged',
    aggregate: { type: 'need', id: needId, version },
    payload: {
      needId,
      decision: stage === 'accepted' ? 'accepted' : stage === 'declined' ? 'declined' : 'deferred',
      rationale: 'Motivering',
      leadAgencyId: stage === 'accepted' ? SOCIALSTYRELSEN : null,
      declineReason: stage === 'declined' ? 'purely-local' : null,
      existingSupportId: null,
      duplicateOfNeedId: null,
      reviewOn: null,
      stage,
      stakeholders: [{ organisationId: STOCKHOLM, role: 'submitter' }],
      triagedAt: at(day),
    },
  };
}

function addressed(needId: string, supportId: string, version: number, day: number): FoldableEvent {
  return {
    type: 'need.addressed',
    aggregate: { type: 'need', id: needId, version },
    payload: {
      needId,
      supportId,
      supportTitle: 'Utkast',
      leadAgencyId: SOCIALSTYRELSEN,
      stage: 'being-addressed',
      stakeholders: [{ organisationId: STOCKHOLM, role: 'submitter' }],
      addressedAt: at(day),
    },
  };
}

function merged(needId: string, intoNeedId: string, version: number, day: number): FoldableEvent {
  return {
    type: 'need.merged',
    aggregate: { type: 'need', id: needId, version },
    payload: {
      needId,
      intoNeedId,
      rationale: 'Samma behov',
      movedOrganisationIds: [STOCKHOLM],
      stage: 'merged',
      stakeholders: [{ organisationId: STOCKHOLM, role: 'submitter' }],
      mergedAt: at(day),
    },
  };
}

/**
 * The needs-first story: N5 endorsed, accepted and then addressed by a draft (whose support.drafted may
 * arrive before or after the need.addressed it caused); N6 declined, then endorsed again, which reopens
 * its review; N7 merged into N5.
 */
const STAGES_STORY: FoldableEvent[] = [
  identified(N5, STOCKHOLM, 1),
  endorsed(N5, 2, 'under-review', 2),
  triaged(N5, 3, 'accepted', 3),
  drafted(S3, [[N5, STOCKHOLM]], 4),
  addressed(N5, S3, 4, 4),
  triaged(N6, 2, 'declined', 5),
  endorsed(N6, 3, 'under-review', 6),
  merged(N7, N5, 2, 7),
];
const STAGES_LOG: FoldableEvent[] = [...STAGES_STORY, identified(N6, MALMO, 1), identified(N7, MALMO, 2)];

/**
 * The story: two needs identified; a support drafted for one (and a need never identified), published
 * for both; two pieces of feedback; a second support drafted, then drafted again later as a revision
 * that moves it to another area and names one more need.
 */
const STORY: FoldableEvent[] = [
  identified(N1, STOCKHOLM, 1),
  identified(N2, MALMO, 2),
  drafted(
    S1,
    [
      [N1, STOCKHOLM],
      [N3, MALMO],
    ],
    3,
  ),
  published(
    S1,
    [
      [N1, STOCKHOLM],
      [N2, MALMO],
    ],
    5,
  ),
  feedback(S1, 1, 8),
  feedback(S1, 2, 6),
  drafted(S2, [[N2, MALMO]], 4, 'Andra utkastet'),
  drafted(
    S2,
    [
      [N2, MALMO],
      [N4, MALMO],
    ],
    9,
    'Omarbetat utkast',
    'health.psychiatry',
    2,
  ),
];

/** Everything a fold ends with, in an order-independent form. */
function snapshot(
  state: PipelineState,
  counts: StageCount[] = countStages(state.needs.values(), state.supports.values()),
) {
  const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    needs: [...state.needs.values()].sort((a, b) => byKey(a.needId, b.needId)),
    supports: [...state.supports.values()].sort((a, b) => byKey(a.supportId, b.supportId)),
    links: [...state.supportNeeds].flatMap(([s, needs]) => [...needs].map((n) => `${s}>${n}`)).sort(),
    counts: counts.map((c) => `${c.item}/${c.stage}/${c.sector}/${c.areaCode}=${c.count}`).sort(),
  };
}

function key(state: ReturnType<typeof snapshot>): string {
  const rows = [...state.needs, ...state.supports].map((row) => Object.values(row).join('|'));
  return [...rows, ...state.links, ...state.counts].join('\n');
}

function foldAll(events: FoldableEvent[]): PipelineState {
  const state = emptyPipelineState();
  for (const event of events) foldEvent(state, event);
  return state;
}

/**
 * The consumer's path without the database: a store of rows, from which each event gets only the slice
 * the repository would load; what the fold says to write goes back, and counts move by deltas.
 */
/** As the consumer does: each batch of `batchSize` events folded into the slice loaded for it, then written back. */
function foldLive(events: FoldableEvent[], batchSize = 1): ReturnType<typeof snapshot> {
  const store = emptyPipelineState();
  const counts = new Map<string, StageCount>();
  for (let start = 0; start < events.length; start += batchSize) {
    const batch = events.slice(start, start + batchSize);
    const { supportIds, needIds } = sliceOfAll(batch);
    const slice = emptyPipelineState();
    const wanted = new Set(needIds);
    for (const supportId of supportIds) {
      const links = new Set(store.supportNeeds.get(supportId) ?? []);
      for (const needId of links) wanted.add(needId);
      const support = store.supports.get(supportId);
      if (support) slice.supports.set(supportId, support);
      slice.supportNeeds.set(supportId, links);
    }
    for (const needId of wanted) {
      const need = store.needs.get(needId);
      if (need) slice.needs.set(needId, need);
    }
    const write = foldIntoSlice(slice, batch);
    for (const need of write.needs) store.needs.set(need.needId, need);
    for (const support of write.supports) store.supports.set(support.supportId, support);
    for (const [s, n] of write.links) {
      if (!store.supportNeeds.has(s)) store.supportNeeds.set(s, new Set());
      store.supportNeeds.get(s)!.add(n);
    }
    for (const delta of write.counts) {
      const key = `${delta.item}/${delta.stage}/${delta.sector}/${delta.areaCode}`;
      const count = (counts.get(key)?.count ?? 0) + delta.count;
      if (count < 0) throw new Error(`count ${key} went below zero`);
      if (count === 0) counts.delete(key);
      else counts.set(key, { ...delta, count });
    }
  }
  return snapshot(store, [...counts.values()]);
}

const N8 = id(8);
const S4 = id(14);
const C1 = id(41);

const roundOf = (supportId: string) => ({
  consultationId: C1,
  supportId,
  supportTitle: 'Titel när rundan öppnades',
  leadAgencyId: SOCIALSTYRELSEN,
  edition: '1.0',
});

/**
 * The lifecycle of S4, which answers N8: a round of consultation opened and closed, publication, a revision, and
 * withdrawal, after which the needs service reopens N8 (its fourth version).
 */
const LIFECYCLE_STORY: FoldableEvent[] = [
  identified(N8, STOCKHOLM, 1),
  drafted(S4, [[N8, STOCKHOLM]], 2, 'Livscykel'),
  {
    type: 'consultation.opened',
    aggregate: { type: 'consultation', id: C1, version: 1 },
    payload: {
      ...roundOf(S4),
      areaCode: 'health.primary-care',
      consulteeIds: [STOCKHOLM, MALMO],
      questions: [],
      sections: [],
      documentUrl: null,
      closesAt: at(9),
      openedAt: at(3),
    },
  },
  {
    type: 'consultation.closed',
    aggregate: { type: 'consultation', id: C1, version: 3 },
    payload: {
      ...roundOf(S4),
      early: false,
      respondents: [{ organisationId: STOCKHOLM, commentCount: 2 }],
      nonRespondentIds: [MALMO],
      responseRates: { byKind: [], byCounty: [] },
      commentCount: 2,
      closedAt: at(9),
    },
  },
  published(S4, [[N8, STOCKHOLM]], 12, 'Livscykel', 'health.primary-care', 3),
  {
    type: 'support.revised',
    aggregate: { type: 'support', id: S4, version: 5 },
    payload: {
      supportId: S4,
      leadAgencyId: SOCIALSTYRELSEN,
      title: 'Livscykel 2.0',
      summary: '',
      areaCode: 'health.primary-care',
      sector: 'health',
      productType: null,
      targetGroups: [],
      audience: { organisationKinds: [], sectors: [], professions: [] },
      answersNeeds: [{ needId: N8, organisationId: STOCKHOLM }],
      change: 'major',
      changeNote: 'Ny evidens',
      previousEdition: '1.0',
      edition: '2.0',
      revisedAt: at(20),
    },
  },
  {
    type: 'support.withdrawn',
    aggregate: { type: 'support', id: S4, version: 6 },
    payload: {
      supportId: S4,
      leadAgencyId: SOCIALSTYRELSEN,
      title: 'Livscykel 2.0',
      areaCode: 'health.primary-care',
      sector: 'health',
      answersNeeds: [{ needId: N8, organisationId: STOCKHOLM }],
      reason: 'Ersatt',
      replacedBySupportId: null,
      edition: '2.0',
      withdrawnAt: at(25),
    },
  },
  {
    type: 'need.reopened',
    aggregate: { type: 'need', id: N8, version: 4 },
    payload: {
      needId: N8,
      supportId: S4,
      supportTitle: 'Livscykel 2.0',
      leadAgencyId: SOCIALSTYRELSEN,
      stage: 'accepted',
      stakeholders: [{ organisationId: STOCKHOLM, role: 'submitter' }],
      reason: 'Ersatt',
      reopenedAt: at(25),
    },
  },
];

function* permutations<T>(items: T[]): Generator<T[]> {
  if (items.length <= 1) {
    yield items;
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const tail of permutations(rest)) yield [items[i], ...tail];
  }
}

describe('the pipeline reducer', () => {
  it('ends in the same rows and counts for every order of the same events, folded whole, slice by slice, or in batches', () => {
    const expected = snapshot(foldAll(STORY));
    const expectedKey = key(expected);
    let orders = 0;
    for (const order of permutations(STORY)) {
      const whole = snapshot(foldAll(order));
      const live = foldLive(order);
      // The consumer appends what is waiting as one batch: any split of the order must land the same.
      const batched = foldLive(order, 2 + (orders % 4));
      // A cheap key for each of the 40,320 orders; the full diff only when one differs.
      if (key(whole) !== expectedKey) expect(whole).toEqual(expected);
      if (key(live) !== expectedKey) expect(live).toEqual(expected);
      if (key(batched) !== expectedKey) expect(batched).toEqual(expected);
      orders++;
    }
    expect(orders).toBe(40_320);
  });

  it('counts needs by the stage of their own latest event in every order of the needs-first story', () => {
    // Eight of the ten events permuted (N6's and N7's need.identified go first, last or between, by turns).
    const expected = snapshot(foldAll(STAGES_LOG));
    const expectedKey = key(expected);
    let orders = 0;
    for (const order of permutations(STAGES_STORY)) {
      const [n6, n7] = STAGES_LOG.slice(-2);
      const placed = [
        [n6, ...order, n7],
        [...order, n6, n7],
        [n7, ...order.slice(0, 4), n6, ...order.slice(4)],
      ][orders % 3];
      const whole = snapshot(foldAll(placed));
      const live = foldLive(placed, 1 + (orders % 3));
      if (key(whole) !== expectedKey) expect(whole).toEqual(expected);
      if (key(live) !== expectedKey) expect(live).toEqual(expected);
      orders++;
    }
    expect(orders).toBe(40_320);
    expect(expected.counts).toEqual([
      'need/being-addressed/health/health.primary-care=1',
      'need/merged/health/health.primary-care=1',
      'need/under-review/health/health.primary-care=1',
      'support/draft/health/health.primary-care=1',
    ]);
  });

  it("ends in the same rows for every order of a support's lifecycle, with the time of each stage", () => {
    const expected = snapshot(foldAll(LIFECYCLE_STORY));
    const expectedKey = key(expected);
    let orders = 0;
    for (const order of permutations(LIFECYCLE_STORY)) {
      const whole = snapshot(foldAll(order));
      const live = foldLive(order, 1 + (orders % 3));
      if (key(whole) !== expectedKey) expect(whole).toEqual(expected);
      if (key(live) !== expectedKey) expect(live).toEqual(expected);
      orders++;
    }
    expect(orders).toBe(40_320);
    const state = foldAll(LIFECYCLE_STORY);
    const support = state.supports.get(S4)!;
    expect(support).toMatchObject({
      title: 'Livscykel 2.0',
      draftedAt: at(2),
      consultationOpenedAt: at(3),
      consultationClosedAt: at(9),
      publishedAt: at(12),
      revisedAt: at(20),
      withdrawnAt: at(25),
    });
    expect(supportStage(support)).toBe('withdrawn');
    expect(needStage(state.needs.get(N8)!)).toBe('accepted');
  });

  it('shows a draft in consultation, then with its rounds closed, then published and revised', () => {
    const [need, draft, opened, closed, publication, revision] = LIFECYCLE_STORY;
    const stageAfter = (events: FoldableEvent[]) => supportStage(foldAll(events).supports.get(S4)!);
    expect(stageAfter([need, draft])).toBe('draft');
    expect(stageAfter([need, draft, opened])).toBe('in_consultation');
    expect(stageAfter([need, closed, draft, opened])).toBe('consultation_closed');
    expect(stageAfter([need, draft, opened, closed, publication])).toBe('published');
    expect(stageAfter([revision, need, draft, opened, closed, publication])).toBe('revised');
    // A round alone, before its draft is known, counts nowhere yet.
    expect(stageAfter([opened])).toBeNull();
  });

  it('takes the stage of the highest version, back as well as forward, and lets supports only move it on', () => {
    const state = foldAll([
      identified(N6, MALMO, 1),
      endorsed(N6, 3, 'under-review', 6),
      triaged(N6, 2, 'declined', 5),
    ]);
    expect(state.needs.get(N6)).toMatchObject({ stage: 'under-review', stageVersion: 3 });
    expect(needStage(state.needs.get(N6)!)).toBe('under-review');

    // A support that names a declined need does not move it back; a publication moves an accepted one on.
    const accepted = foldAll([identified(N5, STOCKHOLM, 1), triaged(N5, 2, 'accepted', 2)]);
    expect(needStage(accepted.needs.get(N5)!)).toBe('accepted');
    foldEvent(accepted, published(S3, [[N5, STOCKHOLM]], 3));
    expect(needStage(accepted.needs.get(N5)!)).toBe('answered');

    // A merged need stays merged whatever names it: it lives on in the need it went into.
    const gone = foldAll([identified(N7, MALMO, 1), merged(N7, N5, 2, 2), drafted(S3, [[N7, MALMO]], 3)]);
    expect(needStage(gone.needs.get(N7)!)).toBe('merged');

    // need.identified is the need's first event: a late one changes neither its stage nor its version.
    const late = foldAll([triaged(N5, 3, 'accepted', 3), identified(N5, STOCKHOLM, 1)]);
    expect(late.needs.get(N5)).toMatchObject({ stage: 'accepted', stageVersion: 3, identifiedAt: at(1) });
  });

  it('moves the counts from one stage to the next as a transition arrives', () => {
    const state = foldAll([identified(N5, STOCKHOLM, 1), endorsed(N5, 2, 'under-review', 2)]);
    const write = foldIntoSlice(state, [triaged(N5, 3, 'accepted', 3)]);
    expect(write.counts.map((c) => `${c.stage}${c.count > 0 ? '+' : ''}${c.count}`).sort()).toEqual([
      'accepted+1',
      'under-review-1',
    ]);
    expect(foldIntoSlice(state, [triaged(N5, 3, 'accepted', 3)])).toEqual({
      needs: [],
      supports: [],
      links: [],
      counts: [],
    });
  });

  it('reaches the stages and transition times the story implies', () => {
    const state = foldAll(STORY);
    const need = (needId: string) => state.needs.get(needId)!;
    const support = (supportId: string) => state.supports.get(supportId)!;

    expect(need(N1)).toMatchObject({
      identifiedAt: at(1),
      firstDraftedAt: at(3),
      firstPublishedAt: at(5),
      organisationId: STOCKHOLM,
    });
    expect(needStage(need(N1))).toBe('answered');
    // N2 was named only by S1's publication, yet S1's draft (day 3) counts for it, before S2's (day 4).
    expect(need(N2)).toMatchObject({ firstDraftedAt: at(3), firstPublishedAt: at(5) });
    expect(needStage(need(N2))).toBe('answered');
    // Placeholders carry the times but are not in the pipeline until identified.
    expect(need(N3)).toMatchObject({
      identifiedAt: null,
      title: null,
      organisationId: MALMO,
      firstDraftedAt: at(3),
      firstPublishedAt: at(5),
    });
    expect(need(N4)).toMatchObject({ identifiedAt: null, firstDraftedAt: at(4), firstPublishedAt: null });
    expect(needStage(need(N3))).toBeNull();

    expect(support(S1)).toMatchObject({
      title: 'Slutlig',
      draftedAt: at(3),
      publishedAt: at(5),
      firstFeedbackAt: at(6),
      feedbackCount: 2,
    });
    expect(supportStage(support(S1))).toBe('with_feedback');
    // The revision describes S2 (higher version), but the first draft time stays.
    expect(support(S2)).toMatchObject({
      title: 'Omarbetat utkast',
      areaCode: 'health.psychiatry',
      draftedAt: at(4),
      describedBy: 2,
    });
    expect(supportStage(support(S2))).toBe('draft');
    expect([...state.supportNeeds.get(S1)!].sort()).toEqual([N1, N2, N3]);
    expect([...state.supportNeeds.get(S2)!].sort()).toEqual([N2, N4]);

    expect(snapshot(state).counts).toEqual([
      'need/answered/health/health.primary-care=2',
      'support/draft/health/health.psychiatry=1',
      'support/with_feedback/health/health.primary-care=1',
    ]);
  });

  it('moves a need of a log with only support events through identified, being-addressed and answered, and a support through its stages', () => {
    const state = emptyPipelineState();
    const stages = (): [string | null, string | null] => [
      needStage(state.needs.get(N1)!),
      state.supports.has(S1) ? supportStage(state.supports.get(S1)!) : null,
    ];
    foldEvent(state, identified(N1, STOCKHOLM, 1));
    expect(stages()).toEqual(['identified', null]);
    foldEvent(state, drafted(S1, [[N1, STOCKHOLM]], 2));
    expect(stages()).toEqual(['being-addressed', 'draft']);
    foldEvent(state, published(S1, [[N1, STOCKHOLM]], 3));
    expect(stages()).toEqual(['answered', 'published']);
    foldEvent(state, feedback(S1, 1, 4));
    expect(stages()).toEqual(['answered', 'with_feedback']);
  });

  it('counts a need a draft named early only once need.identified completes it', () => {
    const state = emptyPipelineState();
    const early = foldIntoSlice(state, [drafted(S1, [[N1, STOCKHOLM]], 2)]);
    expect(early.counts).toEqual([
      { areaCode: 'health.primary-care', sector: 'health', item: 'support', stage: 'draft', count: 1 },
    ]);
    expect(early.needs).toEqual([expect.objectContaining({ needId: N1, identifiedAt: null, firstDraftedAt: at(2) })]);

    const completed = foldIntoSlice(state, [identified(N1, STOCKHOLM, 1)]);
    expect(completed.counts).toEqual([
      { areaCode: 'health.primary-care', sector: 'health', item: 'need', stage: 'being-addressed', count: 1 },
    ]);
    expect(state.needs.get(N1)).toMatchObject({ title: 'Behov 01', identifiedAt: at(1), firstDraftedAt: at(2) });
  });

  it('moves counts from one stage to the next, not adding to both', () => {
    const state = foldAll([identified(N1, STOCKHOLM, 1), drafted(S1, [[N1, STOCKHOLM]], 2)]);
    const write = foldIntoSlice(state, [published(S1, [[N1, STOCKHOLM]], 3)]);
    const moves = write.counts.map((c) => `${c.item}/${c.stage}${c.count > 0 ? '+' : ''}${c.count}`).sort();
    expect(moves).toEqual(['need/answered+1', 'need/being-addressed-1', 'support/draft-1', 'support/published+1']);
  });

  it('never blanks a description, and lets a support describe itself over what feedback says of it', () => {
    const state = foldAll([feedback(S1, 1, 6), drafted(S1, [], 3, 'Utkast')]);
    expect(state.supports.get(S1)).toMatchObject({
      title: 'Utkast',
      areaCode: 'health.primary-care',
      feedbackCount: 1,
    });
    foldEvent(state, feedback(S1, 2, 7));
    expect(state.supports.get(S1)!.title).toBe('Utkast');
    foldEvent(state, published(S1, [], 8, 'Slutlig'));
    foldEvent(state, drafted(S1, [], 3, 'Utkast'));
    expect(state.supports.get(S1)!.title).toBe('Slutlig');
    expect(state.supports.get(S1)!.draftedAt).toBe(at(3));
  });

  it('keeps the organisation need.identified names over what a support said about the need', () => {
    const state = foldAll([identified(N1, STOCKHOLM, 1), drafted(S1, [[N1, MALMO]], 2)]);
    expect(state.needs.get(N1)!.organisationId).toBe(STOCKHOLM);
    const reversed = foldAll([drafted(S1, [[N1, MALMO]], 2), identified(N1, STOCKHOLM, 1)]);
    expect(reversed.needs.get(N1)).toEqual(state.needs.get(N1));
  });

  it('follows an area change between draft and publication in the counts', () => {
    const state = foldAll([drafted(S1, [], 2, 'Utkast', 'health.primary-care')]);
    const write = foldIntoSlice(state, [published(S1, [], 3, 'Slutlig', 'health.psychiatry')]);
    expect(write.counts.map((c) => `${c.areaCode}/${c.stage}${c.count}`).sort()).toEqual([
      'health.primary-care/draft-1',
      'health.psychiatry/published1',
    ]);
  });

  it('keeps the earliest time when the same transition is reported twice', () => {
    const state = foldAll([drafted(S1, [], 5), drafted(S1, [], 3), drafted(S1, [], 4)]);
    expect(state.supports.get(S1)!.draftedAt).toBe(at(3));
  });

  it('writes nothing when an event changes nothing', () => {
    const state = foldAll([identified(N1, STOCKHOLM, 1), drafted(S1, [[N1, STOCKHOLM]], 2)]);
    const write = foldIntoSlice(state, [drafted(S1, [[N1, STOCKHOLM]], 2)]);
    expect(write).toEqual({ needs: [], supports: [], links: [], counts: [] });
  });

  it('writes every time in one canonical form, whichever form it came in', () => {
    for (const [given, canonical] of [
      ['2026-01-01T10:00:00.000Z', '2026-01-01T10:00:00.000Z'],
      ['2026-01-01T10:00:00+00:00', '2026-01-01T10:00:00.000Z'],
      ['2026-01-01T10:00:00.5+00:00', '2026-01-01T10:00:00.500Z'],
      ['2026-01-01T10:00:00.123456+00:00', '2026-01-01T10:00:00.123Z'],
      ['2026-01-01T12:00:00.25+02:00', '2026-01-01T10:00:00.250Z'],
      ['2026-01-01T10:00:00Z', '2026-01-01T10:00:00.000Z'],
    ]) {
      expect(instant(given)).toBe(canonical);
      expect(instant(given)).toBe(new Date(given).toISOString());
    }
  });

  it('compares times from any offset as instants', () => {
    const state = foldAll([
      {
        ...identified(N1, STOCKHOLM, 1),
        payload: { ...identified(N1, STOCKHOLM, 1).payload, identifiedAt: '2026-01-01T12:00:00+02:00' },
      } as FoldableEvent,
    ]);
    expect(state.needs.get(N1)!.identifiedAt).toBe('2026-01-01T10:00:00.000Z');
  });
});
