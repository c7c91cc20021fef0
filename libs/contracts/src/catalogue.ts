import { z } from 'zod';
import {
  areaDefined,
  areaUpdated,
  organisationRegistered,
  organisationUpdated,
  productTypeDefined,
  productTypeUpdated,
  targetGroupDefined,
  targetGroupUpdated,
} from './events/directory.events';
import {
  feedbackReceived,
  supportDrafted,
  supportDraftedV1,
  supportPublished,
  supportPublishedV1,
} from './events/governance.events';
import {
  needAddressed,
  needAnswered,
  needClarificationRequested,
  needClarified,
  needEndorsed,
  needEndorsementWithdrawn,
  needIdentified,
  needIdentifiedV1,
  needMerged,
  needReopened,
  needTriaged,
} from './events/needs.events';
import {
  consultationClosed,
  consultationClosingSoon,
  consultationCommentAnswered,
  consultationExtended,
  consultationOpened,
  consultationResponseSubmitted,
} from './events/consultations.events';
import {
  supportRegionalAdditionPublished,
  supportRescheduled,
  supportRevised,
  supportRevisionStarted,
  supportUpdated,
  supportWithdrawn,
} from './events/lifecycle.events';
import { subscriptionsReplaced } from './events/notifications.events';
import {
  coordinationCollisionCleared,
  coordinationCollisionDetected,
  coordinationOverlapClosed,
  coordinationOverlapDetected,
  coordinationOverlapResolved,
} from './events/coordination.events';
import { EventEnvelope } from './envelope';

/**
 * The event catalogue: every event that crosses a service boundary, by its stable wire type, in the
 * version producers write today. A new incompatible payload gets a new version here and the old one
 * moves to EARLIER_VERSIONS, never an edit in place.
 */
export const EVENT_CATALOGUE = {
  [organisationRegistered.type]: organisationRegistered,
  [organisationUpdated.type]: organisationUpdated,
  [areaDefined.type]: areaDefined,
  [areaUpdated.type]: areaUpdated,
  [targetGroupDefined.type]: targetGroupDefined,
  [targetGroupUpdated.type]: targetGroupUpdated,
  [productTypeDefined.type]: productTypeDefined,
  [productTypeUpdated.type]: productTypeUpdated,
  [needIdentified.type]: needIdentified,
  [needEndorsed.type]: needEndorsed,
  [needEndorsementWithdrawn.type]: needEndorsementWithdrawn,
  [needTriaged.type]: needTriaged,
  [needClarificationRequested.type]: needClarificationRequested,
  [needClarified.type]: needClarified,
  [needMerged.type]: needMerged,
  [needAddressed.type]: needAddressed,
  [needAnswered.type]: needAnswered,
  [needReopened.type]: needReopened,
  [supportDrafted.type]: supportDrafted,
  [supportPublished.type]: supportPublished,
  [supportUpdated.type]: supportUpdated,
  [supportRescheduled.type]: supportRescheduled,
  [supportRevisionStarted.type]: supportRevisionStarted,
  [supportRevised.type]: supportRevised,
  [supportWithdrawn.type]: supportWithdrawn,
  [supportRegionalAdditionPublished.type]: supportRegionalAdditionPublished,
  [consultationOpened.type]: consultationOpened,
  [consultationExtended.type]: consultationExtended,
  [consultationResponseSubmitted.type]: consultationResponseSubmitted,
  [consultationClosingSoon.type]: consultationClosingSoon,
  [consultationClosed.type]: consultationClosed,
  [consultationCommentAnswered.type]: consultationCommentAnswered,
  [feedbackReceived.type]: feedbackReceived,
  [subscriptionsReplaced.type]: subscriptionsReplaced,
  [coordinationOverlapDetected.type]: coordinationOverlapDetected,
  [coordinationOverlapResolved.type]: coordinationOverlapResolved,
  [coordinationOverlapClosed.type]: coordinationOverlapClosed,
  [coordinationCollisionDetected.type]: coordinationCollisionDetected,
  [coordinationCollisionCleared.type]: coordinationCollisionCleared,
} as const;

/**
 * Versions no producer writes any more but that queues, outboxes and the event log still hold. Each is
 * upcast to the current payload when it is read, so a consumer handles one shape and replay folds old
 * and new events alike.
 */
export const EARLIER_VERSIONS: readonly EarlierVersion[] = [needIdentifiedV1, supportDraftedV1, supportPublishedV1];

export type EventType = keyof typeof EVENT_CATALOGUE;
export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as EventType[];
export type PayloadOf<T extends EventType> = z.infer<(typeof EVENT_CATALOGUE)[T]['payload']>;
export type EventOf<T extends EventType> = EventEnvelope<T, PayloadOf<T>>;
export type AnyEvent = { [T in EventType]: EventOf<T> }[EventType];

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_CATALOGUE, type);
}

interface EarlierVersion {
  type: EventType;
  version: number;
  payload: z.ZodType;
  upcast(payload: never): Record<string, unknown>;
}

/** The earlier version of a type, if the catalogue still reads it. */
export function earlierVersion(type: EventType, version: number): EarlierVersion | undefined {
  return EARLIER_VERSIONS.find((entry) => entry.type === type && entry.version === version);
}
