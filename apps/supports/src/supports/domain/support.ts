import type { OrganisationKind, Sector } from '@styrkedjan/contracts';

/** A support starts as a draft (utkast) and is published (publicering) once; it never goes back. */
export const SUPPORT_STATUSES = ['draft', 'published'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];

/** Knowledge supports are produced by the national agencies; everyone else asks for them through needs. */
export const SUPPORT_AUTHOR_KINDS: readonly OrganisationKind[] = ['agency'];

export function mayDraftSupport(kind: OrganisationKind): boolean {
  return SUPPORT_AUTHOR_KINDS.includes(kind);
}

/** One field of a draft that breaks a rule, named by its path in the request (`needIds[2]`). */
export interface FieldIssue {
  field: string;
  message: string;
}

/** A broken rule. Plain errors, so the domain knows nothing of HTTP; the application layer maps each to a problem. */
export abstract class SupportRuleError extends Error {}

/** The acting organisation may not do this to the support (403). */
export class NotPermitted extends SupportRuleError {
  override name = 'NotPermitted';
}

/** The support is not in a status this step can leave from (409 `illegal_transition`). */
export class IllegalTransition extends SupportRuleError {
  override name = 'IllegalTransition';
  constructor(
    readonly from: SupportStatus,
    readonly to: SupportStatus,
  ) {
    super(from === to ? `The support is already ${to}.` : `A ${from} support cannot become ${to}.`);
  }
}

/** The draft contradicts itself (400 naming each field). */
export class InvalidSupport extends SupportRuleError {
  override name = 'InvalidSupport';
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '));
  }
}

export interface SupportState {
  id: string;
  title: string;
  summary: string;
  areaCode: string;
  sector: Sector;
  leadAgencyId: string;
  coProducerIds: string[];
  needIds: string[];
  status: SupportStatus;
  /** `YYYY-MM-DD`: a day in the release calendar, not an instant. */
  plannedReleaseDate: string | null;
  draftedAt: Date;
  publishedAt: Date | null;
  /** Aggregate version after the last event: 1 when drafted, 2 when published. */
  version: number;
}

export interface DraftInput {
  id: string;
  author: { organisationId: string; organisationKind: OrganisationKind };
  title: string;
  summary: string;
  area: { code: string; sector: Sector };
  coProducerIds: readonly string[];
  needIds: readonly string[];
  plannedReleaseDate: string | null;
  draftedAt: Date;
}

/** Throws NotPermitted unless organisations of this kind draft supports; checked before anything is looked up. */
export function assertMayDraft(kind: OrganisationKind): void {
  if (!mayDraftSupport(kind)) {
    throw new NotPermitted(`Only ${SUPPORT_AUTHOR_KINDS.join(', ')} organisations draft knowledge supports.`);
  }
}

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
   * another's behalf, and cannot list itself as its own co-producer.
   */
  static draft(input: DraftInput): Support {
    assertMayDraft(input.author.organisationKind);
    const leadAgencyId = normaliseId(input.author.organisationId);
    const issues = [
      ...duplicatesIn(input.needIds, 'needIds'),
      ...duplicatesIn(input.coProducerIds, 'coProducerIds'),
      ...input.coProducerIds
        .map((id, index) => ({ id, index }))
        .filter(({ id }) => normaliseId(id) === leadAgencyId)
        .map(({ index }) => ({ field: `coProducerIds[${index}]`, message: 'is the lead agency itself' })),
    ];
    if (issues.length) throw new InvalidSupport(issues);
    return new Support({
      id: input.id,
      title: input.title,
      summary: input.summary,
      areaCode: input.area.code,
      sector: input.area.sector,
      leadAgencyId,
      coProducerIds: input.coProducerIds.map(normaliseId),
      needIds: input.needIds.map(normaliseId),
      status: 'draft',
      plannedReleaseDate: input.plannedReleaseDate,
      draftedAt: input.draftedAt,
      publishedAt: null,
      version: 1,
    });
  }

  /** A support as it was stored; its rules were checked when it got there. */
  static restore(state: SupportState): Support {
    return new Support({ ...state, coProducerIds: [...state.coProducerIds], needIds: [...state.needIds] });
  }

  /** Only the lead agency publishes, and only once: co-producers and other agencies are refused. */
  publish(actingOrganisationId: string, at: Date): void {
    if (normaliseId(actingOrganisationId) !== this.current.leadAgencyId) {
      throw new NotPermitted('Only the lead agency publishes a knowledge support.');
    }
    if (this.current.status !== 'draft') throw new IllegalTransition(this.current.status, 'published');
    this.current = { ...this.current, status: 'published', publishedAt: at, version: this.current.version + 1 };
  }

  get state(): Readonly<SupportState> {
    return this.current;
  }
}
