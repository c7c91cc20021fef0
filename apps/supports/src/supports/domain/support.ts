import { type Audience, FIRST_EDITION, type RevisionChange, type Sector } from '@styrkedjan/contracts';
import { Conflict, FieldIssue, InvalidInput, NotPermitted } from '@styrkedjan/platform/errors';
import { nextEdition } from './edition';
import { checkPublicationGate, RoundState } from './publication-gate';

/**
 * A support starts as a draft (utkast), is published (publicering) once and may be withdrawn (återkallad); it never
 * goes back. A published support may have a revision in progress: a draft edition beside the one in force.
 */
export const SUPPORT_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];

/** The support is not in a status this step can leave from (409 `illegal_transition`). */
export class IllegalTransition extends Conflict {
  override name = 'IllegalTransition';
  constructor(
    readonly from: SupportStatus,
    readonly to: SupportStatus,
  ) {
    super(
      'illegal_transition',
      from === to ? `The support is already ${to}.` : `A ${from} support cannot become ${to}.`,
    );
  }
}

/** What an edition says: the part of a support a draft edits and a publication fixes. */
export interface SupportContent {
  title: string;
  summary: string;
  /** A code of the directory's product types; null only on drafts made before product types existed. */
  productType: string | null;
  targetGroups: string[];
  audience: Audience;
  /** `YYYY-MM-DD`: a day in the release calendar, not an instant. */
  plannedReleaseDate: string | null;
}

/** A revision in progress: a new draft edition while the published one stays in force. */
export interface RevisionInProgress {
  change: RevisionChange;
  changeNote: string;
  startedAt: Date;
}

export interface Withdrawal {
  reason: string;
  replacedBySupportId: string | null;
  withdrawnAt: Date;
}

export interface SupportState extends SupportContent {
  id: string;
  areaCode: string;
  sector: Sector;
  leadAgencyId: string;
  coProducerIds: string[];
  needIds: string[];
  status: SupportStatus;
  /** The edition the content is: the draft's while one is written (1.0 before the first publication), else the one in force. */
  edition: string;
  /** The edition in force; null until first published. */
  inForceEdition: string | null;
  revision: RevisionInProgress | null;
  withdrawal: Withdrawal | null;
  draftedAt: Date;
  /** When the support was first published (edition 1.0). */
  publishedAt: Date | null;
  /** Aggregate version after the last event: 1 when drafted, one more for each event since. */
  version: number;
}

export interface DraftInput {
  id: string;
  author: { organisationId: string };
  title: string;
  summary: string;
  area: { code: string; sector: Sector };
  productType: string | null;
  targetGroups: readonly string[];
  audience: Audience;
  coProducerIds: readonly string[];
  needIds: readonly string[];
  plannedReleaseDate: string | null;
  draftedAt: Date;
}

/** An edit of a draft: only the fields named change. */
export type DraftChanges = Partial<SupportContent>;

/** What an edit did: the fields it changed, and a move of the planned release date with its reason. */
export interface DraftEdit {
  changed: (keyof SupportContent)[];
  rescheduled: { previousDate: string | null; reason: string } | null;
}

/** What a publication was: the first (edition 1.0 comes into force) or a revision's (a later edition replaces one). */
export type Publication =
  | { kind: 'first'; edition: string }
  | { kind: 'revision'; edition: string; previousEdition: string; change: RevisionChange; changeNote: string };

const CONTENT_FIELDS = [
  'title',
  'summary',
  'productType',
  'targetGroups',
  'audience',
  'plannedReleaseDate',
] as const satisfies readonly (keyof SupportContent)[];

/** Each repeat of an earlier id, named as `field[i]`. UUIDs are compared without regard to case, as PostgreSQL does. */
export function duplicatesIn(ids: readonly string[], field: string): FieldIssue[] {
  const firstIndex = new Map<string, number>();
  const issues: FieldIssue[] = [];
  ids.forEach((id, index) => {
    const key = normaliseId(id);
    const first = firstIndex.get(key);
    if (first === undefined) firstIndex.set(key, index);
    else issues.push({ field: `${field}[${index}]`, message: `repeats ${field}[${first}]` });
  });
  return issues;
}

/** UUIDs arrive in either case; stored and compared in lower case so that the same id is always equal. */
export function normaliseId(id: string): string {
  return id.toLowerCase();
}

export class Support {
  private constructor(private current: SupportState) {}

  /**
   * A new draft led by the acting agency. The lead is always the author: an agency cannot draft on
   * another's behalf, and cannot list itself as its own co-producer. That only agencies draft is the access
   * policy's rule (`support.draft`), decided at the gateway before the request gets here.
   */
  static draft(input: DraftInput): Support {
    const leadAgencyId = normaliseId(input.author.organisationId);
    const issues = [
      ...duplicatesIn(input.targetGroups, 'targetGroups'),
      ...audienceIssues(input.audience, 'audience'),
      ...duplicatesIn(input.needIds, 'needIds'),
      ...duplicatesIn(input.coProducerIds, 'coProducerIds'),
      ...input.coProducerIds
        .map((id, index) => ({ id, index }))
        .filter(({ id }) => normaliseId(id) === leadAgencyId)
        .map(({ index }) => ({ field: `coProducerIds[${index}]`, message: 'is the lead agency itself' })),
    ];
    if (issues.length) throw new InvalidInput(issues);
    return new Support({
      id: input.id,
      title: input.title,
      summary: input.summary,
      areaCode: input.area.code,
      sector: input.area.sector,
      productType: input.productType,
      targetGroups: [...input.targetGroups],
      audience: copyAudience(input.audience),
      leadAgencyId,
      coProducerIds: input.coProducerIds.map(normaliseId),
      needIds: input.needIds.map(normaliseId),
      status: 'draft',
      edition: FIRST_EDITION,
      inForceEdition: null,
      revision: null,
      withdrawal: null,
      plannedReleaseDate: input.plannedReleaseDate,
      draftedAt: input.draftedAt,
      publishedAt: null,
      version: 1,
    });
  }

  /** A support as it was stored; its rules were checked when it got there. */
  static restore(state: SupportState): Support {
    return new Support({
      ...state,
      coProducerIds: [...state.coProducerIds],
      needIds: [...state.needIds],
      targetGroups: [...state.targetGroups],
      audience: copyAudience(state.audience),
    });
  }

  /** Whether a draft edition exists: a never-published support's, or a revision's. A withdrawn support has none. */
  get hasDraft(): boolean {
    return this.current.status === 'draft' || (this.current.status === 'published' && this.current.revision !== null);
  }

  /**
   * The lead agency or a co-producer edits the draft edition. Moving the planned release date needs a reason, which
   * the support's history keeps. Fields given with their current value are no change; an edit changing nothing
   * records nothing.
   */
  edit(actingOrganisationId: string, changes: DraftChanges, rescheduleReason: string | null): DraftEdit {
    const acting = normaliseId(actingOrganisationId);
    if (acting !== this.current.leadAgencyId && !this.current.coProducerIds.includes(acting)) {
      throw new NotPermitted('Only the lead agency and its co-producers edit a knowledge support.');
    }
    this.requireDraft('edited');
    const issues = [
      ...duplicatesIn(changes.targetGroups ?? [], 'targetGroups'),
      ...(changes.audience ? audienceIssues(changes.audience, 'audience') : []),
    ];
    if (issues.length) throw new InvalidInput(issues);
    const changed = CONTENT_FIELDS.filter(
      (field) => changes[field] !== undefined && !sameValue(changes[field], this.current[field]),
    );
    const moves = changed.includes('plannedReleaseDate');
    if (moves && !rescheduleReason?.trim()) {
      throw InvalidInput.field('rescheduleReason', 'is required to move the planned release date');
    }
    if (!changed.length) return { changed, rescheduled: null };
    const previousDate = this.current.plannedReleaseDate;
    const next: SupportState = { ...this.current };
    for (const field of changed) Object.assign(next, { [field]: changes[field] });
    this.current = { ...next, version: this.current.version + (moves ? 2 : 1) };
    return { changed, rescheduled: moves ? { previousDate, reason: rescheduleReason!.trim() } : null };
  }

  /**
   * Only the lead agency publishes the draft edition: the first publication brings 1.0 into force, a revision's
   * replaces the edition in force. Publishing waits for the answers of the edition's consultation rounds.
   */
  publish(actingOrganisationId: string, at: Date, rounds: readonly RoundState[]): Publication {
    this.requireLead(actingOrganisationId, 'publishes');
    if (this.current.status === 'withdrawn') throw new IllegalTransition('withdrawn', 'published');
    if (!this.hasDraft) throw new IllegalTransition(this.current.status, 'published');
    checkPublicationGate(this.current.edition, rounds);
    const { edition, inForceEdition, revision } = this.current;
    const version = this.current.version + 1;
    if (this.current.status === 'draft') {
      this.current = { ...this.current, status: 'published', inForceEdition: edition, publishedAt: at, version };
      return { kind: 'first', edition };
    }
    this.current = { ...this.current, inForceEdition: edition, revision: null, version };
    return { kind: 'revision', edition, previousEdition: inForceEdition!, ...pick(revision!) };
  }

  /** The lead agency begins a revision of the edition in force; one at a time, and never of a draft or withdrawn support. */
  startRevision(actingOrganisationId: string, change: RevisionChange, changeNote: string, at: Date): void {
    this.requireLead(actingOrganisationId, 'revises');
    const { status, revision, inForceEdition } = this.current;
    if (status === 'withdrawn') throw new Conflict('withdrawn', 'A withdrawn support is not revised.');
    if (status === 'draft' || !inForceEdition) {
      throw new Conflict('not_published', 'A draft is edited, not revised: revisions are of a published support.');
    }
    if (revision) {
      throw new Conflict('revision_in_progress', `Edition ${this.current.edition} is already being drafted.`);
    }
    this.current = {
      ...this.current,
      edition: nextEdition(inForceEdition, change),
      revision: { change, changeNote, startedAt: at },
      version: this.current.version + 1,
    };
  }

  /**
   * The lead agency withdraws the support, with a reason and perhaps the support that replaces it (checked by the
   * caller to exist and not be withdrawn). It stays readable; a revision in progress ends with it.
   */
  withdraw(actingOrganisationId: string, reason: string, replacedBySupportId: string | null, at: Date): void {
    this.requireLead(actingOrganisationId, 'withdraws');
    if (this.current.status === 'withdrawn') throw new IllegalTransition('withdrawn', 'withdrawn');
    const replacement = replacedBySupportId === null ? null : normaliseId(replacedBySupportId);
    if (replacement === this.current.id) {
      throw InvalidInput.field('replacedBySupportId', 'is the withdrawn support itself');
    }
    this.current = {
      ...this.current,
      status: 'withdrawn',
      revision: null,
      withdrawal: { reason, replacedBySupportId: replacement, withdrawnAt: at },
      version: this.current.version + 1,
    };
  }

  /** A region adds its own text only to a support in force: published and not withdrawn. */
  requireInForce(what: string): void {
    if (this.current.status === 'withdrawn') throw new Conflict('withdrawn', `A withdrawn support gets no ${what}.`);
    if (!this.current.inForceEdition) throw new Conflict('not_published', `A draft gets no ${what}.`);
  }

  private requireLead(actingOrganisationId: string, verb: string): void {
    if (normaliseId(actingOrganisationId) !== this.current.leadAgencyId) {
      throw new NotPermitted(`Only the lead agency ${verb} a knowledge support.`);
    }
  }

  private requireDraft(verb: string): void {
    if (this.current.status === 'withdrawn') throw new Conflict('withdrawn', `A withdrawn support is not ${verb}.`);
    if (!this.hasDraft) {
      throw new Conflict('no_draft', `Edition ${this.current.edition} is in force: start a revision to change it.`);
    }
  }

  get state(): Readonly<SupportState> {
    return this.current;
  }
}

/** An audience names each kind, sector and profession once (that it names some is checked at the edge). */
function audienceIssues(audience: Audience, field: string): FieldIssue[] {
  return [
    ...duplicatesIn(audience.organisationKinds, `${field}.organisationKinds`),
    ...duplicatesIn(audience.sectors, `${field}.sectors`),
    ...duplicatesIn(audience.professions, `${field}.professions`),
  ];
}

export function copyAudience(audience: Audience): Audience {
  return {
    organisationKinds: [...audience.organisationKinds],
    sectors: [...audience.sectors],
    professions: [...audience.professions],
  };
}

/** Field values are strings, nulls, arrays of strings and the audience: equal when their JSON is. */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function pick({ change, changeNote }: RevisionInProgress): { change: RevisionChange; changeNote: string } {
  return { change, changeNote };
}
