import type { Sector } from '@styrkedjan/contracts';
import { Conflict, FieldIssue, InvalidInput, NotPermitted } from '@styrkedjan/platform/errors';

/** A support starts as a draft (utkast) and is published (publicering) once; it never goes back. */
export const SUPPORT_STATUSES = ['draft', 'published'] as const;
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
  author: { organisationId: string };
  title: string;
  summary: string;
  area: { code: string; sector: Sector };
  coProducerIds: readonly string[];
  needIds: readonly string[];
  plannedReleaseDate: string | null;
  draftedAt: Date;
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
   * another's behalf, and cannot list itself as its own co-producer. That only agencies draft is the access
   * policy's rule (`support.draft`), decided at the gateway before the request gets here.
   */
  static draft(input: DraftInput): Support {
    const leadAgencyId = normaliseId(input.author.organisationId);
    const issues = [
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
