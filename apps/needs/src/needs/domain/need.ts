import type { DeclineReason, NeedStage, OrganisationKind, Sector, TriageDecision } from '@styrkedjan/contracts';
import { Conflict, FieldIssue, InvalidInput, NotFound, NotPermitted } from '@styrkedjan/platform/errors';

export type { NeedStage } from '@styrkedjan/contracts';

/** A support's status as the supports service names it: a draft (utkast) until it is published. */
export type SupportStatus = 'draft' | 'published';

/** Stages in which a need is still open: similar-need suggestions and endorsements are worth it there. */
export const OPEN_STAGES: readonly NeedStage[] = [
  'identified',
  'under-review',
  'accepted',
  'deferred',
  'being-addressed',
];

/** Stages from which a steering group may (re)decide: not once merged, nor once a support addresses it. */
const TRIAGEABLE: readonly NeedStage[] = ['identified', 'under-review', 'accepted', 'declined', 'deferred'];

/** Bounds of the free texts of triage, clarification and merge (the events' contracts hold the same). */
export const TEXT_LIMITS = { rationale: 2000, question: 2000, answer: 5000, comment: 2000, localContext: 2000 };

export interface NeedState {
  id: string;
  organisationId: string;
  title: string;
  description: string;
  areaCode: string;
  sector: Sector;
  /** Codes of the directory's vocabulary of target groups. */
  targetGroups: string[];
  /** Free text beside the codes (what a code cannot say, or a need registered before the vocabulary). */
  note: string | null;
  stage: NeedStage;
  identifiedAt: Date;
  /** Aggregate version after the last event: 1 when identified, one more for each event since. */
  version: number;
  lastTransitionAt: Date;
  triageDecision: TriageDecision | null;
  triageRationale: string | null;
  triagedAt: Date | null;
  leadAgencyId: string | null;
  declineReason: DeclineReason | null;
  existingSupportId: string | null;
  duplicateOfNeedId: string | null;
  /** `YYYY-MM-DD`: when a deferred need comes back for review. */
  reviewOn: string | null;
  /** The steering group's question while it waits for the submitter's answer. */
  openQuestion: string | null;
  mergedInto: string | null;
  /** A declined need that got a new endorsement: back on the steering group's list. */
  flaggedForReview: boolean;
  endorsementCount: number;
}

export type SupporterRole = 'submitter' | 'endorser';

/** An organisation standing behind a need: its submitter, one merged into it, or an endorser. */
export interface Supporter {
  organisationId: string;
  role: SupporterRole;
  comment: string | null;
  localContext: string | null;
  joinedAt: Date;
  /** The need it came from when a duplicate was merged into this one. */
  mergedFrom: string | null;
}

export interface Stakeholder {
  organisationId: string;
  role: SupporterRole;
}

export interface IdentifyInput {
  id: string;
  /** The acting organisation: a need is always registered by the organisation that meets it. */
  organisationId: string;
  title: string;
  description: string;
  area: { code: string; sector: Sector };
  targetGroups: readonly string[];
  note: string | null;
  identifiedAt: Date;
}

/** What a triage decides, as the steering group sent it. */
export interface TriageInput {
  decision: TriageDecision;
  rationale: string;
  leadAgencyId?: string | null;
  declineReason?: DeclineReason | null;
  existingSupportId?: string | null;
  duplicateOfNeedId?: string | null;
  reviewOn?: string | null;
  question?: string | null;
}

/** What the triage's references turned out to be, looked up by the handler before the rule is asked. */
export interface TriageReferences {
  leadAgency?: { kind: OrganisationKind } | null;
  existingSupport?: { status: SupportStatus } | null;
  duplicateOf?: { stage: NeedStage } | null;
}

/** The fields each decision takes; any other is refused rather than silently dropped. */
const DECISION_FIELDS: Record<TriageDecision, (keyof TriageInput)[]> = {
  accepted: ['leadAgencyId'],
  declined: ['declineReason', 'existingSupportId', 'duplicateOfNeedId'],
  deferred: ['reviewOn'],
  'more-information-needed': ['question'],
};
const OPTIONAL_FIELDS: (keyof TriageInput)[] = [
  'leadAgencyId',
  'declineReason',
  'existingSupportId',
  'duplicateOfNeedId',
  'reviewOn',
  'question',
];

/** The need is in a stage this step cannot leave from (409 `illegal_transition`). */
export class IllegalTransition extends Conflict {
  override name = 'IllegalTransition';
  constructor(detail: string) {
    super('illegal_transition', detail);
  }
}

/**
 * A knowledge need (kunskapsbehov) found where the work is done. Which organisations may register, endorse,
 * triage or merge is the access policy's rule, decided at the gateway; the rules that need the need itself
 * (who submitted it, its stage, who already endorsed it) live here.
 */
export class Need {
  private constructor(
    private current: NeedState,
    private supporters: Supporter[],
  ) {}

  static identify(input: IdentifyInput): Need {
    const state: NeedState = {
      id: input.id,
      organisationId: input.organisationId,
      title: input.title,
      description: input.description,
      areaCode: input.area.code,
      sector: input.area.sector,
      targetGroups: [...new Set(input.targetGroups)],
      note: blankToNull(input.note),
      stage: 'identified',
      identifiedAt: input.identifiedAt,
      version: 1,
      lastTransitionAt: input.identifiedAt,
      triageDecision: null,
      triageRationale: null,
      triagedAt: null,
      leadAgencyId: null,
      declineReason: null,
      existingSupportId: null,
      duplicateOfNeedId: null,
      reviewOn: null,
      openQuestion: null,
      mergedInto: null,
      flaggedForReview: false,
      endorsementCount: 0,
    };
    const submitter: Supporter = {
      organisationId: input.organisationId,
      role: 'submitter',
      comment: null,
      localContext: null,
      joinedAt: input.identifiedAt,
      mergedFrom: null,
    };
    return new Need(state, [submitter]);
  }

  static restore(state: NeedState, supporters: readonly Supporter[]): Need {
    return new Need({ ...state }, [...supporters]);
  }

  get state(): Readonly<NeedState> {
    return this.current;
  }

  get supportersNow(): readonly Supporter[] {
    return this.supporters;
  }

  /** The submitter(s) and every endorser at this moment: whoever hears of the need's transitions. */
  get stakeholders(): Stakeholder[] {
    return this.supporters.map(({ organisationId, role }) => ({ organisationId, role }));
  }

  /**
   * Another organisation says "we have this need too". One endorsement per organisation; a submitter (the
   * original one or one merged in) cannot endorse its own need. A declined need with a new endorsement goes
   * back under review and is flagged so, which the event tells (`reopensReview`).
   */
  endorse(
    organisationId: string,
    details: { comment: string | null; localContext: string | null },
    at: Date,
  ): { reopensReview: boolean } {
    this.refuseIfMerged('endorsed');
    const existing = this.supporterOf(organisationId);
    if (existing?.role === 'submitter')
      throw new Conflict('own_need', 'An organisation cannot endorse a need it submitted.');
    if (existing) throw new Conflict('already_endorsed', 'Your organisation has already endorsed this need.');
    this.supporters.push({
      organisationId: normaliseId(organisationId),
      role: 'endorser',
      comment: blankToNull(details.comment),
      localContext: blankToNull(details.localContext),
      joinedAt: at,
      mergedFrom: null,
    });
    const reopensReview = this.current.stage === 'declined';
    this.advance(at, {
      endorsementCount: this.endorserCount(),
      ...(reopensReview ? { stage: 'under-review' as const, flaggedForReview: true } : {}),
    });
    return { reopensReview };
  }

  /** The endorsing organisation takes its endorsement back; there must be one to take. */
  withdrawEndorsement(organisationId: string, at: Date): void {
    const existing = this.supporterOf(organisationId);
    if (!existing || existing.role !== 'endorser')
      throw new NotFound('Endorsement of need by organisation', organisationId);
    this.supporters = this.supporters.filter((s) => s !== existing);
    this.advance(at, { endorsementCount: this.endorserCount() });
  }

  /**
   * A steering group's decision. Each decision takes its own fields and no other; the rationale is required and
   * bounded. A decision may be revisited while the need waits for or has a decision; not once it is merged or a
   * support addresses it. `more-information-needed` asks the submitter a question and keeps the need under review.
   */
  triage(input: TriageInput, references: TriageReferences, at: Date): void {
    this.refuseIfMerged('triaged');
    if (!TRIAGEABLE.includes(this.current.stage))
      throw new IllegalTransition(`A need that is ${this.current.stage} cannot be triaged again.`);
    const issues = triageIssues(this.current.id, input, references, at);
    if (issues.length) throw refusalOf(issues);
    const rationale = input.rationale.trim();
    if (input.decision === 'more-information-needed') {
      this.advance(at, { stage: 'under-review', openQuestion: input.question!.trim(), flaggedForReview: false });
      return;
    }
    this.advance(at, {
      stage: input.decision,
      triageDecision: input.decision,
      triageRationale: rationale,
      triagedAt: at,
      leadAgencyId: input.decision === 'accepted' ? normaliseId(input.leadAgencyId!) : null,
      declineReason: input.decision === 'declined' ? input.declineReason! : null,
      existingSupportId: input.existingSupportId ? normaliseId(input.existingSupportId) : null,
      duplicateOfNeedId: input.duplicateOfNeedId ? normaliseId(input.duplicateOfNeedId) : null,
      reviewOn: input.decision === 'deferred' ? input.reviewOn! : null,
      openQuestion: null,
      flaggedForReview: false,
    });
  }

  /** The submitter answers the steering group's open question; the need is back under review. */
  clarify(organisationId: string, answer: string, at: Date): void {
    if (!sameId(organisationId, this.current.organisationId))
      throw new NotPermitted('Only the organisation that submitted the need can answer its question.');
    this.refuseIfMerged('clarified');
    if (this.current.openQuestion === null)
      throw new Conflict('no_open_question', 'The steering group has asked no question about this need.');
    if (answer.trim() === '') throw InvalidInput.field('answer', 'must not be empty');
    this.advance(at, { stage: 'under-review', openQuestion: null });
  }

  /**
   * Merges this need (a duplicate) into `survivor`: its submitter and endorsers move there, except those the
   * survivor already has. Returns the organisations that moved. Neither need may be merged already, nor the
   * same need.
   */
  mergeInto(survivor: Need, at: Date): string[] {
    if (sameId(survivor.current.id, this.current.id))
      throw new Conflict('merge_into_itself', 'A need cannot be merged into itself.');
    if (this.current.mergedInto !== null)
      throw new Conflict('already_merged', `This need was already merged into ${this.current.mergedInto}.`);
    if (survivor.current.mergedInto !== null)
      throw new Conflict(
        'merged_target',
        `Need ${survivor.current.id} was itself merged into ${survivor.current.mergedInto}; merge into that one.`,
      );
    const moved: string[] = [];
    for (const supporter of this.supporters) {
      if (survivor.supporterOf(supporter.organisationId)) continue;
      survivor.supporters.push({ ...supporter, mergedFrom: supporter.mergedFrom ?? this.current.id });
      moved.push(supporter.organisationId);
    }
    this.supporters = [];
    this.advance(at, { stage: 'merged', mergedInto: normaliseId(survivor.current.id), endorsementCount: 0 });
    survivor.advance(at, { endorsementCount: survivor.endorserCount() });
    return moved;
  }

  /**
   * A support names the need: a draft moves it to being addressed, a publication to answered. Returns whether
   * that is news (a transition to tell the stakeholders of); a merged need stays merged.
   */
  addressedBy(status: SupportStatus, previousStatusOfThatSupport: SupportStatus | undefined, at: Date): boolean {
    if (this.current.stage === 'merged') return false;
    if (laterStatus(previousStatusOfThatSupport, status) === previousStatusOfThatSupport) return false;
    const stage: NeedStage =
      status === 'published' || this.current.stage === 'answered' ? 'answered' : 'being-addressed';
    this.advance(at, { stage });
    return true;
  }

  /**
   * The support that addressed the need was withdrawn and no other still does: the need is accepted again and waits
   * for a new support. Returns whether that is news; a need that was not being addressed (merged, say) stays as it is.
   */
  reopen(at: Date): boolean {
    if (this.current.stage !== 'being-addressed' && this.current.stage !== 'answered') return false;
    this.advance(at, { stage: 'accepted' });
    return true;
  }

  private advance(at: Date, changes: Partial<NeedState>): void {
    this.current = { ...this.current, ...changes, version: this.current.version + 1, lastTransitionAt: at };
  }

  private refuseIfMerged(what: string): void {
    if (this.current.mergedInto !== null)
      throw new Conflict(
        'need_merged',
        `This need was merged into ${this.current.mergedInto} and can no longer be ${what}; act on that one.`,
      );
  }

  private supporterOf(organisationId: string): Supporter | undefined {
    return this.supporters.find((s) => sameId(s.organisationId, organisationId));
  }

  private endorserCount(): number {
    return this.supporters.filter((s) => s.role === 'endorser').length;
  }
}

type TriageIssue = FieldIssue & { status: 400 | 422 };

/** Every way a triage's input breaks its decision's rules, each naming its field: 400 malformed, 422 unusable. */
export function triageIssues(
  needId: string,
  input: TriageInput,
  references: TriageReferences,
  at: Date,
): TriageIssue[] {
  const issues: TriageIssue[] = [];
  const bad = (field: string, message: string, status: 400 | 422 = 400) => issues.push({ field, message, status });
  const rationale = input.rationale?.trim() ?? '';
  if (rationale === '') bad('rationale', 'is required: say why');
  else if (rationale.length > TEXT_LIMITS.rationale)
    bad('rationale', `must be at most ${TEXT_LIMITS.rationale} characters`);
  const allowed = DECISION_FIELDS[input.decision];
  for (const field of OPTIONAL_FIELDS) {
    if (input[field] != null && !allowed.includes(field))
      bad(field, `does not belong to the decision ${input.decision}`);
  }
  switch (input.decision) {
    case 'accepted':
      if (!input.leadAgencyId) bad('leadAgencyId', 'is required: the agency that will answer the need');
      else if (!references.leadAgency) bad('leadAgencyId', `is not an organisation of the directory`, 422);
      else if (references.leadAgency.kind !== 'agency')
        bad('leadAgencyId', `must be an agency, not a ${references.leadAgency.kind}`, 422);
      break;
    case 'declined':
      if (!input.declineReason) bad('declineReason', 'is required when declining');
      if (input.declineReason === 'met-by-existing-support') {
        if (!input.existingSupportId) bad('existingSupportId', 'is required: the support that meets the need');
        else if (!references.existingSupport) bad('existingSupportId', 'is not a known support', 422);
        else if (references.existingSupport.status !== 'published')
          bad('existingSupportId', 'must be a published support', 422);
      } else if (input.existingSupportId != null) bad('existingSupportId', 'belongs to met-by-existing-support only');
      if (input.declineReason === 'duplicate') {
        if (!input.duplicateOfNeedId) bad('duplicateOfNeedId', 'is required: the need this one duplicates');
        else if (sameId(input.duplicateOfNeedId, needId)) bad('duplicateOfNeedId', 'must be another need', 422);
        else if (!references.duplicateOf) bad('duplicateOfNeedId', 'is not a known need', 422);
      } else if (input.duplicateOfNeedId != null) bad('duplicateOfNeedId', 'belongs to duplicate only');
      break;
    case 'deferred':
      if (!input.reviewOn) bad('reviewOn', 'is required: the day the need comes back for review');
      else if (input.reviewOn <= at.toISOString().slice(0, 10)) bad('reviewOn', 'must be a day after today');
      break;
    case 'more-information-needed':
      if (!input.question?.trim()) bad('question', 'is required: what the submitter should answer');
      break;
  }
  return issues;
}

/** Malformed input (400) is named before input that is well-formed but cannot be acted on (422). */
function refusalOf(issues: TriageIssue[]): InvalidInput {
  const malformed = issues.filter((issue) => issue.status === 400);
  const named = (malformed.length ? malformed : issues).map(({ field, message }) => ({ field, message }));
  return new InvalidInput(named, malformed.length ? 400 : 422);
}

/** A support only moves forward; a `support.drafted` event arriving after `support.published` must not move it back. */
export function laterStatus(current: SupportStatus | undefined, incoming: SupportStatus): SupportStatus {
  return current === 'published' || incoming === 'published' ? 'published' : 'draft';
}

/** Endorsements counted by a property of the endorsing organisation (its kind, its county). */
export function countBy<K extends string>(keys: readonly (K | null)[]): Partial<Record<K, number>> {
  const counts: Partial<Record<K, number>> = {};
  for (const key of keys) if (key !== null) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

/** UUIDs arrive in either case; stored and compared in lower case so that the same id is always equal. */
export function normaliseId(id: string): string {
  return id.toLowerCase();
}

function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function blankToNull(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
