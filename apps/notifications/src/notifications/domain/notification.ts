import type { ApplicationStatus } from '@styrkedjan/contracts';

/** Why an organisation got a notification; one notification may have several reasons. */
export const NOTIFICATION_REASONS = [
  'subscribed_area',
  'answers_your_need',
  'answers_need_you_endorsed',
  'your_need',
  'need_you_endorsed',
  'feedback_on_your_support',
  'consultee',
  'your_consultation',
  'commented',
  'applied_it',
  'in_your_region',
] as const;
export type NotificationReason = (typeof NOTIFICATION_REASONS)[number];

/**
 * What a notification is about, by the event type that tells it. A publication is `support.published` also
 * when `need.answered` told it first: the two are one notification (see `publicationOccasion`).
 */
export const NOTIFYING_EVENT_TYPES = [
  'support.published',
  'feedback.received',
  'need.triaged',
  'need.clarification-requested',
  'need.merged',
  'need.addressed',
  'consultation.opened',
  'consultation.extended',
  'consultation.closing-soon',
  'consultation.closed',
  'support.revised',
  'support.withdrawn',
  'support.regional-addition-published',
] as const;
export type NotifyingEventType = (typeof NOTIFYING_EVENT_TYPES)[number];

/** What a notification is about, so a client can link to it. */
export const SUBJECT_TYPES = ['support', 'need', 'consultation'] as const;
export interface NotificationSubject {
  type: (typeof SUBJECT_TYPES)[number];
  id: string;
}

/** A notification's words: Swedish first, as the chain works in Swedish, and English beside them. */
export interface NotificationText {
  title: string;
  message: string;
  titleEn: string;
  messageEn: string;
}

/**
 * The text an organisation reads when several reasons meet in one notification is the one that concerns it
 * most: its own need answered, then the answers to its comments, a need it endorsed, a support it reported
 * applied, and last an area it follows. Distinct, so that the words chosen do not depend on arrival order.
 */
export const TEXT_PRIORITY = { other: 1, applier: 2, endorser: 3, commenter: 4, submitter: 5 } as const;

/** What makes two deliveries one notification per organisation. */
export function occasionOf(eventId: string): string {
  return eventId;
}

/**
 * A support's publication reaches an organisation once, however many reasons it has: as a follower of the
 * area (support.published) and as submitter or endorser of the needs it answers (need.answered, one per need).
 */
export function publicationOccasion(supportId: string): string {
  return `publication:${supportId}`;
}

/** A revision's publication is one occasion per edition, told by support.revised and perhaps consultation.closed. */
export function revisionOccasion(supportId: string, edition: string): string {
  return `revision:${supportId}:${edition}`;
}

/** The publication as a follower of its area reads it. Organisations and areas are named when the projection knows them. */
export function supportPublishedText(input: {
  agencyName: string | null;
  supportTitle: string;
  areaName: string;
}): NotificationText {
  const { supportTitle: title, areaName: area } = input;
  return {
    title: `Publicerat: ${title}`,
    message: `${input.agencyName ?? 'En myndighet'} har publicerat "${title}" inom ${area}`,
    titleEn: `Published: ${title}`,
    messageEn: `${input.agencyName ?? 'An agency'} published "${title}" in ${area}`,
  };
}

const APPLICATION_PHRASES: Record<ApplicationStatus, { sv: string; en: string }> = {
  applied: { sv: 'har infört det', en: 'has applied it' },
  planned: { sv: 'planerar att införa det', en: 'plans to apply it' },
  not_applicable: { sv: 'bedömer att det inte är tillämpligt', en: 'finds it not applicable' },
  lacks_capacity: { sv: 'saknar förmåga att införa det', en: 'lacks the capacity to apply it' },
};

export function feedbackReceivedText(input: {
  giverName: string | null;
  supportTitle: string;
  usefulness: number;
  applicationStatus: ApplicationStatus;
}): NotificationText {
  const { supportTitle: title, usefulness } = input;
  const phrase = APPLICATION_PHRASES[input.applicationStatus];
  return {
    title: `Återkoppling på ${title}`,
    message: `${input.giverName ?? 'En organisation'} gav "${title}" betyget ${usefulness}/5 och ${phrase.sv}`,
    titleEn: `Feedback on ${title}`,
    messageEn: `${input.giverName ?? 'An organisation'} rated "${title}" ${usefulness}/5 and ${phrase.en}`,
  };
}

/** The `unread` query parameter: absent lists everything, `true` only unread, `false` only read. */
export function readStateFilter(unread: 'true' | 'false' | undefined): boolean | undefined {
  return unread === undefined ? undefined : unread === 'true';
}
