import { NEED_STAGES as CHAIN_NEED_STAGES, type EventOf, type NeedStage, type Sector } from '@styrkedjan/contracts';

/**
 * The steering pipeline: how far each need and each support has come, folded from events.
 *
 * Events of one aggregate may arrive in any order (queues retry, relays of different services race) and
 * the same log is folded again by a replay, so every step here is commutative: transition times keep the
 * earliest value, counters only add, links only grow, and descriptive fields follow a rank that does not
 * depend on arrival order. Applying the same events in any order ends in the same rows.
 */

export type { NeedStage };
export type SupportStage =
  'draft' | 'in_consultation' | 'consultation_closed' | 'published' | 'with_feedback' | 'revised' | 'withdrawn';
/** A need's stages are the chain's (identified → under-review → accepted / declined / deferred / merged → being-addressed → answered). */
export const NEED_STAGES: readonly NeedStage[] = CHAIN_NEED_STAGES;
export const SUPPORT_STAGES: readonly SupportStage[] = [
  'draft',
  'in_consultation',
  'consultation_closed',
  'published',
  'with_feedback',
  'revised',
  'withdrawn',
];
export type PipelineItem = 'need' | 'support';

/** Times are canonical UTC ISO strings with milliseconds, so they compare as strings and round-trip through PostgreSQL. */
export type Instant = string;

/**
 * `describedBy` is the rank of the event the descriptive fields came from: the aggregate's own version for
 * its own events, 0 for events that only mention it. A higher rank replaces them; a lower one is ignored.
 * -1 means nothing has described the row yet.
 */
export interface NeedRow {
  needId: string;
  title: string | null;
  areaCode: string | null;
  sector: Sector | null;
  organisationId: string | null;
  describedBy: number;
  /** The stage the need's own event of the highest version gave it; null until one has arrived. */
  stage: NeedStage | null;
  /** That event's aggregate version; -1 before any. */
  stageVersion: number;
  /**
   * That event was need.reopened: the support that answered the need was withdrawn, so the supports naming it no
   * longer move it on (see needStage) until a later event of the need's own does.
   */
  reopened: boolean;
  identifiedAt: Instant | null;
  firstDraftedAt: Instant | null;
  firstPublishedAt: Instant | null;
}

export interface SupportRow {
  supportId: string;
  title: string | null;
  areaCode: string | null;
  sector: Sector | null;
  leadAgencyId: string | null;
  describedBy: number;
  draftedAt: Instant | null;
  publishedAt: Instant | null;
  firstFeedbackAt: Instant | null;
  feedbackCount: number;
  /** The first round of consultation opened, the last one closed; how many of each (a draft in consultation has more opened). */
  consultationOpenedAt: Instant | null;
  consultationClosedAt: Instant | null;
  roundsOpened: number;
  roundsClosed: number;
  /** The latest revision published. */
  revisedAt: Instant | null;
  withdrawnAt: Instant | null;
}

/**
 * The rows an event may touch. A live consumer loads only the slice one event needs (the support, its
 * linked needs); a replay holds the whole pipeline. Rows are replaced, never mutated, so a caller can
 * compare before and after by reference.
 */
export interface PipelineState {
  needs: Map<string, NeedRow>;
  supports: Map<string, SupportRow>;
  /** The needs each support answers. */
  supportNeeds: Map<string, Set<string>>;
}

/** What one event changed: rows to write and links to add. */
export interface PipelineChange {
  needIds: string[];
  supportIds: string[];
  links: [supportId: string, needId: string][];
}

/** The needs service's events of a need's transitions: each carries the stage the need is in after it. */
const NEED_TRANSITION_TYPES = [
  'need.endorsed',
  'need.endorsement-withdrawn',
  'need.triaged',
  'need.clarification-requested',
  'need.clarified',
  'need.merged',
  'need.addressed',
  'need.answered',
  'need.reopened',
] as const;
type NeedTransitionEvent = EventOf<(typeof NEED_TRANSITION_TYPES)[number]>;

export type PipelineEvent =
  | EventOf<'need.identified'>
  | NeedTransitionEvent
  | EventOf<'support.drafted'>
  | EventOf<'support.published'>
  | EventOf<'support.revised'>
  | EventOf<'support.withdrawn'>
  | EventOf<'consultation.opened'>
  | EventOf<'consultation.closed'>
  | EventOf<'feedback.received'>;

/** The event types that move the pipeline; everything else is only logged. */
export const PIPELINE_EVENT_TYPES: readonly PipelineEvent['type'][] = [
  'need.identified',
  ...NEED_TRANSITION_TYPES,
  'support.drafted',
  'support.published',
  'support.revised',
  'support.withdrawn',
  'consultation.opened',
  'consultation.closed',
  'feedback.received',
];

/** An event with what the reducer reads of it (the log stores more); still discriminated by `type`. */
export type FoldableEvent = PipelineEvent extends infer E
  ? E extends PipelineEvent
    ? Pick<E, 'type' | 'aggregate' | 'payload'>
    : never
  : never;

export function isPipelineEvent<E extends { type: string }>(event: E): event is E & FoldableEvent {
  return (PIPELINE_EVENT_TYPES as readonly string[]).includes(event.type);
}

export function emptyPipelineState(): PipelineState {
  return { needs: new Map(), supports: new Map(), supportNeeds: new Map() };
}

/** Which rows a live consumer must load before folding the event (plus the needs already linked to the support). */
export function sliceOf(event: FoldableEvent): { supportId: string | null; needIds: string[] } {
  switch (event.type) {
    case 'need.identified':
    case 'need.endorsed':
    case 'need.endorsement-withdrawn':
    case 'need.triaged':
    case 'need.clarification-requested':
    case 'need.clarified':
    case 'need.merged':
    case 'need.addressed':
    case 'need.answered':
    case 'need.reopened':
      return { supportId: null, needIds: [event.payload.needId] };
    case 'support.drafted':
    case 'support.published':
      return { supportId: event.payload.supportId, needIds: event.payload.answersNeeds.map((need) => need.needId) };
    case 'support.revised':
    case 'support.withdrawn':
    case 'consultation.opened':
    case 'consultation.closed':
    case 'feedback.received':
      return { supportId: event.payload.supportId, needIds: [] };
  }
}

/** The rows a batch of events touches: the union of each event's slice. */
export function sliceOfAll(events: readonly FoldableEvent[]): { supportIds: string[]; needIds: string[] } {
  const supportIds = new Set<string>();
  const needIds = new Set<string>();
  for (const event of events) {
    const slice = sliceOf(event);
    if (slice.supportId) supportIds.add(slice.supportId);
    for (const id of slice.needIds) needIds.add(id);
  }
  return { supportIds: [...supportIds], needIds: [...needIds] };
}

/**
 * Folds one event into the state. No I/O and nothing but the arguments decides the result; the state
 * is updated in place (a replay folds a million events and must not copy maps) and the change returned.
 */
export function foldEvent(state: PipelineState, event: FoldableEvent): PipelineChange {
  const change: PipelineChange = { needIds: [], supportIds: [], links: [] };
  switch (event.type) {
    case 'need.identified': {
      const p = event.payload;
      const need = state.needs.get(p.needId) ?? placeholderNeed(p.needId);
      const described = describe(need, rankOf(event, 'need', p.needId), {
        title: p.title,
        areaCode: p.areaCode,
        sector: p.sector,
        organisationId: p.organisationId,
      });
      const dated = patch(described, { identifiedAt: earliest(need.identifiedAt, instant(p.identifiedAt)) });
      const next = staged(dated, rankOf(event, 'need', p.needId), 'identified');
      if (next !== need) {
        state.needs.set(p.needId, next);
        change.needIds.push(p.needId);
      }
      return change;
    }
    case 'need.endorsed':
    case 'need.endorsement-withdrawn':
    case 'need.triaged':
    case 'need.clarification-requested':
    case 'need.clarified':
    case 'need.merged':
    case 'need.addressed':
    case 'need.answered':
    case 'need.reopened': {
      const { needId, stage } = event.payload;
      const need = state.needs.get(needId) ?? placeholderNeed(needId);
      const next = staged(need, rankOf(event, 'need', needId), stage, event.type === 'need.reopened');
      if (next !== need) {
        state.needs.set(needId, next);
        change.needIds.push(needId);
      }
      return change;
    }
    case 'support.drafted':
    case 'support.published': {
      const p = event.payload;
      const support = state.supports.get(p.supportId) ?? placeholderSupport(p.supportId);
      const described = describe(support, rankOf(event, 'support', p.supportId), {
        title: p.title,
        areaCode: p.areaCode,
        sector: p.sector,
        leadAgencyId: p.leadAgencyId,
      });
      const next =
        event.type === 'support.drafted'
          ? patch(described, { draftedAt: earliest(support.draftedAt, instant(event.payload.draftedAt)) })
          : patch(described, { publishedAt: earliest(support.publishedAt, instant(event.payload.publishedAt)) });
      if (next !== support) {
        state.supports.set(p.supportId, next);
        change.supportIds.push(p.supportId);
      }

      let links = state.supportNeeds.get(p.supportId);
      if (!links) state.supportNeeds.set(p.supportId, (links = new Set()));
      const owners = new Map<string, string>();
      for (const { needId, organisationId } of p.answersNeeds) {
        owners.set(needId, organisationId);
        if (!links.has(needId)) {
          links.add(needId);
          change.links.push([p.supportId, needId]);
        }
      }
      // Every need the support answers takes the support's times, whichever event named the link:
      // the earliest draft and publication among its supports is what moves a need on.
      for (const needId of links) {
        const need = state.needs.get(needId) ?? placeholderNeed(needId);
        const owner = owners.get(needId);
        // A support event only mentions the need: rank 0, so need.identified always wins.
        const described = owner === undefined ? need : describe(need, 0, { organisationId: owner });
        const updated = patch(described, {
          firstDraftedAt: earliest(need.firstDraftedAt, next.draftedAt),
          firstPublishedAt: earliest(need.firstPublishedAt, next.publishedAt),
        });
        if (updated !== need) {
          state.needs.set(needId, updated);
          change.needIds.push(needId);
        }
      }
      return change;
    }
    case 'support.revised':
    case 'support.withdrawn': {
      const p = event.payload;
      const support = state.supports.get(p.supportId) ?? placeholderSupport(p.supportId);
      const described = describe(support, rankOf(event, 'support', p.supportId), {
        title: p.title,
        areaCode: p.areaCode,
        sector: p.sector,
        leadAgencyId: p.leadAgencyId,
      });
      const next =
        event.type === 'support.revised'
          ? patch(described, { revisedAt: latest(support.revisedAt, instant(event.payload.revisedAt)) })
          : patch(described, { withdrawnAt: earliest(support.withdrawnAt, instant(event.payload.withdrawnAt)) });
      if (next !== support) {
        state.supports.set(p.supportId, next);
        change.supportIds.push(p.supportId);
      }
      return change;
    }
    case 'consultation.opened':
    case 'consultation.closed': {
      const p = event.payload;
      const support = state.supports.get(p.supportId) ?? placeholderSupport(p.supportId);
      // A round is its own aggregate and only mentions the support: rank 0, fills what no support event has.
      const described = describe(support, 0, { title: p.supportTitle, leadAgencyId: p.leadAgencyId });
      state.supports.set(
        p.supportId,
        event.type === 'consultation.opened'
          ? {
              ...described,
              consultationOpenedAt: earliest(support.consultationOpenedAt, instant(event.payload.openedAt)),
              roundsOpened: support.roundsOpened + 1,
            }
          : {
              ...described,
              consultationClosedAt: latest(support.consultationClosedAt, instant(event.payload.closedAt)),
              roundsClosed: support.roundsClosed + 1,
            },
      );
      change.supportIds.push(p.supportId);
      return change;
    }
    case 'feedback.received': {
      const p = event.payload;
      const support = state.supports.get(p.supportId) ?? placeholderSupport(p.supportId);
      // Feedback is its own aggregate and only mentions the support: rank 0, fills what no support event has.
      const described = describe(support, 0, { title: p.supportTitle, leadAgencyId: p.leadAgencyId });
      state.supports.set(p.supportId, {
        ...described,
        firstFeedbackAt: earliest(support.firstFeedbackAt, instant(p.receivedAt)),
        feedbackCount: support.feedbackCount + 1,
      });
      change.supportIds.push(p.supportId);
      return change;
    }
  }
}

/** What a live consumer writes for one event: changed rows, new links, and how the counts move. */
export interface PipelineWrite {
  needs: NeedRow[];
  supports: SupportRow[];
  links: [supportId: string, needId: string][];
  counts: StageCount[];
}

/**
 * The live path: folds the events, in the order given, into the slice loaded for them (see `sliceOf`) and
 * says what to write. Counts move by the difference between the changed rows' stages before and after,
 * never by a recount; for a batch that is the sum of each event's own difference, without writing a row
 * twice.
 */
export function foldIntoSlice(slice: PipelineState, events: readonly FoldableEvent[]): PipelineWrite {
  const before = { needs: new Map(slice.needs), supports: new Map(slice.supports) };
  const needIds = new Set<string>();
  const supportIds = new Set<string>();
  const links: [supportId: string, needId: string][] = [];
  for (const event of events) {
    const change = foldEvent(slice, event);
    for (const id of change.needIds) needIds.add(id);
    for (const id of change.supportIds) supportIds.add(id);
    links.push(...change.links);
  }
  const needs = [...needIds].map((id) => slice.needs.get(id)!).filter((need) => before.needs.get(need.needId) !== need);
  const supports = [...supportIds]
    .map((id) => slice.supports.get(id)!)
    .filter((support) => before.supports.get(support.supportId) !== support);
  const counts = countDelta(
    {
      needs: needs.flatMap((need) => before.needs.get(need.needId) ?? []),
      supports: supports.flatMap((support) => before.supports.get(support.supportId) ?? []),
    },
    { needs, supports },
  );
  return { needs, supports, links, counts };
}

/** How far along the chain a stage is: the decisions of triage are one step, whichever was taken. */
const PROGRESS: Record<NeedStage, number> = {
  identified: 0,
  'under-review': 1,
  accepted: 2,
  declined: 2,
  deferred: 2,
  merged: 2,
  'being-addressed': 3,
  answered: 4,
};

/**
 * A need counts from its need.identified; before that it is only a placeholder a support pointed at. Its
 * stage is the one its own latest event gave it, unless the supports naming it show it further along: a log
 * written before the needs service told of transitions has only support events to say a need is being
 * addressed or answered, and a draft can arrive before the need.addressed it causes.
 */
export function needStage(need: NeedRow): NeedStage | null {
  if (need.identifiedAt === null) return null;
  const own = need.stage ?? 'identified';
  // A merged need lives on in the one it went into; the needs service addresses that one, not this. A reopened
  // one was answered by a support since withdrawn: its supports say nothing of it any more.
  if (own === 'merged' || need.reopened) return own;
  const bySupports =
    need.firstPublishedAt !== null ? 'answered' : need.firstDraftedAt !== null ? 'being-addressed' : null;
  return bySupports !== null && PROGRESS[bySupports] > PROGRESS[own] ? bySupports : own;
}

/**
 * A support counts once drafted or published; feedback or a round alone (arriving early) leaves it a placeholder.
 * The furthest step wins whatever order the events came in: withdrawn, then revised, then feedback (which counts even
 * when it arrives before the publication), then published; before that, a round still open (more opened than closed)
 * or all of them closed.
 */
export function supportStage(support: SupportRow): SupportStage | null {
  if (support.draftedAt === null && support.publishedAt === null) return null;
  if (support.withdrawnAt !== null) return 'withdrawn';
  if (support.publishedAt !== null && support.revisedAt !== null) return 'revised';
  if (support.feedbackCount > 0) return 'with_feedback';
  if (support.publishedAt !== null) return 'published';
  if (support.roundsOpened > support.roundsClosed) return 'in_consultation';
  if (support.roundsClosed > 0) return 'consultation_closed';
  return 'draft';
}

export interface StageCount {
  areaCode: string;
  sector: Sector;
  item: PipelineItem;
  stage: NeedStage | SupportStage;
  count: number;
}

/** How many of these rows are in each (area, sector, item, stage); zero counts are left out. */
export function countStages(needs: Iterable<NeedRow>, supports: Iterable<SupportRow>): StageCount[] {
  const counts = new Map<string, StageCount>();
  const add = (
    areaCode: string | null,
    sector: Sector | null,
    item: PipelineItem,
    stage: NeedStage | SupportStage | null,
    by: number,
  ) => {
    if (stage === null || areaCode === null || sector === null) return;
    const key = `${item}\u0000${stage}\u0000${sector}\u0000${areaCode}`;
    const entry = counts.get(key);
    if (entry) entry.count += by;
    else counts.set(key, { areaCode, sector, item, stage, count: by });
  };
  for (const need of needs) add(need.areaCode, need.sector, 'need', needStage(need), 1);
  for (const support of supports) add(support.areaCode, support.sector, 'support', supportStage(support), 1);
  return [...counts.values()].filter((entry) => entry.count !== 0);
}

/** What the counts must change by when these rows become those: a live consumer applies it, not a recount. */
export function countDelta(
  before: { needs: NeedRow[]; supports: SupportRow[] },
  after: { needs: NeedRow[]; supports: SupportRow[] },
): StageCount[] {
  const removed = countStages(before.needs, before.supports).map((entry) => ({ ...entry, count: -entry.count }));
  const added = countStages(after.needs, after.supports);
  const delta = new Map<string, StageCount>();
  for (const entry of [...removed, ...added]) {
    const key = `${entry.item}\u0000${entry.stage}\u0000${entry.sector}\u0000${entry.areaCode}`;
    const existing = delta.get(key);
    if (existing) existing.count += entry.count;
    else delta.set(key, { ...entry });
  }
  return [...delta.values()].filter((entry) => entry.count !== 0);
}

/** Canonical form of an event's time: what PostgreSQL stores (to the millisecond) and what compares as a string. */
export function instant(value: string | Date): Instant {
  if (typeof value === 'string') {
    // Services write toISOString() already, and PostgreSQL's JSON writes UTC as +00:00: rewriting those
    // without a Date round trip is most of a replay's fold time and of a large GET /pipeline page.
    if (CANONICAL.test(value)) return value;
    const utc = POSTGRES_UTC.exec(value);
    if (utc) return `${utc[1]}.${(utc[2] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
  }
  return new Date(value).toISOString();
}

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const POSTGRES_UTC = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?(?:\+00:00|Z)$/;

/** The row with these fields set; the same row when they already hold these values, so "unchanged" is cheap to tell. */
function patch<Row extends object>(row: Row, fields: Partial<Row>): Row {
  for (const key of Object.keys(fields) as (keyof Row)[]) {
    if (row[key] !== fields[key]) return { ...row, ...fields };
  }
  return row;
}

/**
 * The stage of the need's own event with the highest version, whatever the order they arrive in: a later
 * decision (a declined need reopened by an endorsement) moves it back as well as forward. Events about
 * something else (rank 0) say nothing of the stage. Equal versions settle on the greater stage name.
 */
function staged(need: NeedRow, version: number, stage: NeedStage, reopened = false): NeedRow {
  if (version <= 0 || version < need.stageVersion) return need;
  if (version === need.stageVersion && (need.stage === null || stage <= need.stage)) return need;
  return patch(need, { stage, stageVersion: version, reopened });
}

function latest(current: Instant | null, incoming: Instant | null): Instant | null {
  if (current === null) return incoming;
  if (incoming === null) return current;
  return incoming > current ? incoming : current;
}

function earliest(current: Instant | null, incoming: Instant | null): Instant | null {
  if (current === null) return incoming;
  if (incoming === null) return current;
  return incoming < current ? incoming : current;
}

/** An aggregate's own events rank by its version; an event about something else only mentions it. */
function rankOf(event: FoldableEvent, type: string, id: string): number {
  return event.aggregate.type === type && event.aggregate.id === id ? event.aggregate.version : 0;
}

/**
 * Takes descriptive fields from the best-ranked event that carries them, never blanking one an event does
 * not carry. Events of equal rank (two mentions) settle on the greater value, so the order never matters.
 * Commutative because an aggregate's own events carry every field that mentions of it carry.
 */
function describe<Row extends { describedBy: number }>(
  row: Row,
  rank: number,
  fields: { [K in keyof Row]?: Row[K] & (string | null) },
): Row {
  if (rank < row.describedBy) return row;
  const outranks = rank > row.describedBy;
  let next: Row | null = outranks ? { ...row, describedBy: rank } : null;
  for (const key in fields) {
    const incoming = fields[key];
    if (incoming === undefined || incoming === null) continue;
    const current = row[key] as string | null;
    if (outranks || current === null || incoming > current) {
      if (incoming === current) continue;
      next ??= { ...row };
      next[key] = incoming;
    }
  }
  return next ?? row;
}

function placeholderNeed(needId: string): NeedRow {
  return {
    needId,
    title: null,
    areaCode: null,
    sector: null,
    organisationId: null,
    describedBy: -1,
    stage: null,
    stageVersion: -1,
    reopened: false,
    identifiedAt: null,
    firstDraftedAt: null,
    firstPublishedAt: null,
  };
}

function placeholderSupport(supportId: string): SupportRow {
  return {
    supportId,
    title: null,
    areaCode: null,
    sector: null,
    leadAgencyId: null,
    describedBy: -1,
    draftedAt: null,
    publishedAt: null,
    firstFeedbackAt: null,
    feedbackCount: 0,
    consultationOpenedAt: null,
    consultationClosedAt: null,
    roundsOpened: 0,
    roundsClosed: 0,
    revisedAt: null,
    withdrawnAt: null,
  };
}
