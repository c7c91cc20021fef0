import type { CommentOutcome } from '@styrkedjan/contracts';
import { Conflict, InvalidInput, NotPermitted } from '@styrkedjan/platform/errors';
import { endOfSwedishDay, nextFixedConsultationDate, nonWorkingReason, swedishDateOf } from './working-days';

export const MAX_QUESTIONS = 50;
export const MAX_SECTIONS = 100;
export const MAX_ORGANISATION_IDS = 2000;
export const MAX_SELECTORS = 20;
export const MAX_COMMENTS = 200;
export const MAX_TEXT = 5000;
export const MAX_REASON = 2000;
const DAY_MS = 86_400_000;

export const SELECTOR_KINDS = [
  'all-regions',
  'municipalities-of-county',
  'all-patient-organisations',
  'area-followers',
] as const;
export type SelectorKind = (typeof SELECTOR_KINDS)[number];
export interface ConsulteeSelector {
  kind: SelectorKind;
  /** For `municipalities-of-county`: the region (county) whose municipalities are consulted. */
  regionId?: string;
}

export interface Question {
  id: string;
  text: string;
}
export interface Section {
  id: string;
  heading: string;
}

/** What this service knows of a support, from its events. */
export interface KnownSupport {
  supportId: string;
  leadAgencyId: string;
  title: string;
  areaCode: string;
  status: 'draft' | 'published' | 'withdrawn';
  /** The edition a draft will become when published; null while no draft edition is open. */
  draftEdition: string | null;
  aggregateVersion: number;
}

export interface Round {
  id: string;
  supportId: string;
  edition: string;
  leadAgencyId: string;
  supportTitle: string;
  areaCode: string;
  questions: Question[];
  sections: Section[];
  documentUrl: string | null;
  /** The last day responses are taken, and the instant it ends (midnight after it, Swedish time). */
  closesOn: string;
  closesAt: Date;
  /** When the pending consultees are reminded: the reminder days before closesAt. */
  remindAt: Date;
  status: 'open' | 'closed';
  openedAt: Date;
  closedAt: Date | null;
  early: boolean;
  version: number;
}

export interface Consultee {
  organisationId: string;
  kind: string;
  regionId: string | null;
}

export interface Deadline {
  closesOn: string;
  closesAt: Date;
}

export interface DeadlineRules {
  now: Date;
  minWeeks: number;
  reminderDays: number;
}

/** A round is refused to a caller that does not lead the support (403). */
export class NotTheLead extends NotPermitted {
  constructor(what: string) {
    super(`Only the support's lead agency may ${what}.`);
  }
}

function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function requireLead(leadAgencyId: string, organisationId: string, what: string): void {
  if (!sameId(leadAgencyId, organisationId)) throw new NotTheLead(what);
}

/** The edition a new round would be about: the support's open draft, or a 409 saying why there is none. */
export function draftEditionOf(support: KnownSupport): string {
  if (support.status === 'withdrawn')
    throw new Conflict('support_withdrawn', `Support ${support.supportId} is withdrawn.`);
  if (support.status !== 'draft' || !support.draftEdition)
    throw new Conflict(
      'not_a_draft',
      `Support ${support.supportId} has no draft edition: start a revision to consult on a published support.`,
    );
  return support.draftEdition;
}

/** A date a deadline may fall on: not in the past and a Swedish working day, or a 400 naming `field`. */
function checkWorkingDay(date: string, now: Date, field: string): void {
  if (date < swedishDateOf(now)) throw InvalidInput.field(field, `${date} is in the past`);
  const reason = nonWorkingReason(date);
  if (reason) throw InvalidInput.field(field, `must be a Swedish working day: ${reason}`);
}

/**
 * The deadline of a new round: at least `minWeeks` away, not in the past, on a working day. `snap` moves it to the
 * next national fixed consultation date (on the next working day when it falls on a weekend or holiday) that is
 * both on or after the requested date and far enough away.
 */
export function openingDeadline(requested: string, snap: boolean, rules: DeadlineRules): Deadline {
  const earliest = swedishDateOf(new Date(rules.now.getTime() + rules.minWeeks * 7 * DAY_MS));
  if (snap) {
    const closesOn = nextFixedConsultationDate(requested > earliest ? requested : earliest);
    return { closesOn, closesAt: endOfSwedishDay(closesOn) };
  }
  if (requested < swedishDateOf(rules.now)) throw InvalidInput.field('closesAt', `${requested} is in the past`);
  if (requested < earliest)
    throw InvalidInput.field(
      'closesAt',
      `must be at least ${rules.minWeeks} weeks away: ${earliest} or later (snapToFixedDate picks the next fixed date)`,
    );
  checkWorkingDay(requested, rules.now, 'closesAt');
  return { closesOn: requested, closesAt: endOfSwedishDay(requested) };
}

export function reminderOf(closesAt: Date, reminderDays: number): Date {
  return new Date(closesAt.getTime() - reminderDays * DAY_MS);
}

/** Question ids and section ids are unique within a round: answers and comments name them. */
export function checkOutline(questions: readonly Question[], sections: readonly Section[]): void {
  const issues = [
    ...duplicates(
      questions.map((question) => question.id),
      'questions',
      'id',
    ),
    ...duplicates(
      sections.map((section) => section.id),
      'sections',
      'id',
    ),
  ];
  if (questions.length === 0) issues.push({ field: 'questions', message: 'must ask at least one question' });
  if (issues.length) throw new InvalidInput(issues);
}

function duplicates(ids: readonly string[], list: string, key: string) {
  return ids
    .map((id, index) => ({ id, index }))
    .filter(({ id, index }) => ids.indexOf(id) !== index)
    .map(({ id, index }) => ({ field: `${list}[${index}].${key}`, message: `repeats '${id}'` }));
}

/** Each selector well-formed: a county's municipalities name the county, the others name nothing. */
export function checkSelectors(selectors: readonly ConsulteeSelector[]): void {
  const issues = selectors.flatMap((selector, index) => {
    const field = `consultees.selectors[${index}].regionId`;
    if (selector.kind === 'municipalities-of-county' && !selector.regionId)
      return [{ field, message: 'is required for municipalities-of-county' }];
    if (selector.kind !== 'municipalities-of-county' && selector.regionId)
      return [{ field, message: `is only for municipalities-of-county, not ${selector.kind}` }];
    return [];
  });
  if (issues.length) throw new InvalidInput(issues);
}

/** The resolved consultees, without the lead agency itself; none left is a 400. */
export function fixConsultees(resolved: readonly Consultee[], leadAgencyId: string): Consultee[] {
  const byId = new Map<string, Consultee>();
  for (const consultee of resolved)
    if (!sameId(consultee.organisationId, leadAgencyId)) byId.set(consultee.organisationId.toLowerCase(), consultee);
  if (byId.size === 0)
    throw InvalidInput.field('consultees', 'names no organisation to consult (the lead agency itself is not one)');
  if (byId.size > MAX_ORGANISATION_IDS)
    throw InvalidInput.field('consultees', `resolves to ${byId.size} organisations; at most ${MAX_ORGANISATION_IDS}`);
  return [...byId.values()].sort((a, b) => a.organisationId.localeCompare(b.organisationId));
}

/** A round that still takes responses: open and before its deadline (409 otherwise). */
export function requireTakingResponses(round: Round, now: Date): void {
  if (round.status === 'closed') throw new Conflict('consultation_closed', `Consultation ${round.id} is closed.`);
  if (now >= round.closesAt)
    throw new Conflict(
      'deadline_passed',
      `Consultation ${round.id} closed for responses at the end of ${round.closesOn}, unless the lead extends it.`,
    );
}

/** A later deadline for an open round: after the current one, not in the past, on a working day. */
export function extendedDeadline(round: Round, requested: string, now: Date): Deadline {
  if (round.status === 'closed') throw new Conflict('consultation_closed', `Consultation ${round.id} is closed.`);
  if (requested <= round.closesOn)
    throw InvalidInput.field('closesAt', `must be later than the current deadline ${round.closesOn}`);
  checkWorkingDay(requested, now, 'closesAt');
  return { closesOn: requested, closesAt: endOfSwedishDay(requested) };
}

export function requireOpen(round: Round): void {
  if (round.status === 'closed') throw new Conflict('consultation_closed', `Consultation ${round.id} is closed.`);
}

/** Comments are answered once the round is closed: until then more may come. */
export function requireClosed(round: Round): void {
  if (round.status !== 'closed')
    throw new Conflict(
      'consultation_open',
      `Consultation ${round.id} is still open: comments are answered once it closes.`,
    );
}

export interface Answer {
  questionId: string;
  text: string;
}
export interface CommentInput {
  sectionId: string | null;
  text: string;
}

export interface ResponseContent {
  answers: Answer[];
  comments: CommentInput[];
  noComments: boolean;
}

/** Answers name the round's questions once each; comments name its sections; `noComments` comes with none. */
export function checkResponseContent(round: Round, content: ResponseContent): void {
  const questionIds = new Set(round.questions.map((question) => question.id));
  const sectionIds = new Set(round.sections.map((section) => section.id));
  const issues = [
    ...content.answers.flatMap((answer, index) =>
      questionIds.has(answer.questionId)
        ? []
        : [{ field: `answers[${index}].questionId`, message: `the round asks no question '${answer.questionId}'` }],
    ),
    ...duplicates(
      content.answers.map((answer) => answer.questionId),
      'answers',
      'questionId',
    ),
    ...content.comments.flatMap((comment, index) =>
      comment.sectionId === null || sectionIds.has(comment.sectionId)
        ? []
        : [{ field: `comments[${index}].sectionId`, message: `the round has no section '${comment.sectionId}'` }],
    ),
  ];
  if (content.noComments && content.comments.length)
    issues.push({ field: 'noComments', message: 'cannot be true with comments' });
  if (issues.length) throw new InvalidInput(issues);
}

/** A response is submitted with something in it: answers, comments, or the statement that there are none. */
export function checkSubmittable(content: ResponseContent): void {
  if (!content.answers.length && !content.comments.length && !content.noComments)
    throw InvalidInput.field('noComments', 'an empty response: answer, comment, or say noComments');
}

export interface Outcome {
  outcome: CommentOutcome;
  answer: string;
}

/** Response rates of a closed round: by organisation kind and by county (region), in a stable order. */
export function responseRates(consultees: readonly Consultee[], respondents: ReadonlySet<string>) {
  const count = <K>(key: (consultee: Consultee) => K) => {
    const rates = new Map<K, { invited: number; responded: number }>();
    for (const consultee of consultees) {
      const rate = rates.get(key(consultee)) ?? { invited: 0, responded: 0 };
      rate.invited++;
      if (respondents.has(consultee.organisationId)) rate.responded++;
      rates.set(key(consultee), rate);
    }
    return [...rates];
  };
  return {
    byKind: count((consultee) => consultee.kind)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, rate]) => ({ kind, ...rate })),
    byCounty: count((consultee) => consultee.regionId)
      // National organisations (no county) last.
      .sort(([a], [b]) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
      .map(([regionId, rate]) => ({ regionId, ...rate })),
  };
}
