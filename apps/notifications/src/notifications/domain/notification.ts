import type { ApplicationStatus } from '@styrkedjan/contracts';

/** Why an organisation got a notification; one notification may have several reasons. */
export const NOTIFICATION_REASONS = ['subscribed_area', 'answers_your_need', 'feedback_on_your_support'] as const;
export type NotificationReason = (typeof NOTIFICATION_REASONS)[number];

/** The event types that put something in an inbox. */
export const NOTIFYING_EVENT_TYPES = ['support.published', 'feedback.received'] as const;
export type NotifyingEventType = (typeof NOTIFYING_EVENT_TYPES)[number];

/** What a notification is about, so a client can link to it. */
export interface NotificationSubject {
  type: 'support';
  id: string;
}

export interface NotificationText {
  title: string;
  message: string;
}

/** Named in words when the directory projection knows the organisation, generically until it does. */
export function supportPublishedText(input: {
  agencyName: string | null;
  supportTitle: string;
  areaCode: string;
}): NotificationText {
  return {
    title: `Published: ${input.supportTitle}`,
    message: `${input.agencyName ?? 'An agency'} published "${input.supportTitle}" in area ${input.areaCode}`,
  };
}

const APPLICATION_PHRASES: Record<ApplicationStatus, string> = {
  applied: 'has applied it',
  planned: 'plans to apply it',
  not_applicable: 'finds it not applicable',
  lacks_capacity: 'lacks the capacity to apply it',
};

export function feedbackReceivedText(input: {
  giverName: string | null;
  supportTitle: string;
  usefulness: number;
  applicationStatus: ApplicationStatus;
}): NotificationText {
  return {
    title: `Feedback on ${input.supportTitle}`,
    message: `${input.giverName ?? 'An organisation'} rated "${input.supportTitle}" ${input.usefulness}/5 and ${APPLICATION_PHRASES[input.applicationStatus]}`,
  };
}

/** The `unread` query parameter: absent lists everything, `true` only unread, `false` only read. */
export function readStateFilter(unread: 'true' | 'false' | undefined): boolean | undefined {
  return unread === undefined ? undefined : unread === 'true';
}
