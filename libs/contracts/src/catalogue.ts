import { z } from 'zod';
import { areaDefined, areaUpdated, organisationRegistered, organisationUpdated } from './events/directory.events';
import { feedbackReceived, needIdentified, supportDrafted, supportPublished } from './events/governance.events';
import { EventEnvelope } from './envelope';

/**
 * The event catalogue: every event that crosses a service boundary, by its stable wire type.
 * A new incompatible payload gets a new version next to the old one, never an edit in place.
 */
export const EVENT_CATALOGUE = {
  [organisationRegistered.type]: organisationRegistered,
  [organisationUpdated.type]: organisationUpdated,
  [areaDefined.type]: areaDefined,
  [areaUpdated.type]: areaUpdated,
  [needIdentified.type]: needIdentified,
  [supportDrafted.type]: supportDrafted,
  [supportPublished.type]: supportPublished,
  [feedbackReceived.type]: feedbackReceived,
} as const;

export type EventType = keyof typeof EVENT_CATALOGUE;
export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as EventType[];
export type PayloadOf<T extends EventType> = z.infer<(typeof EVENT_CATALOGUE)[T]['payload']>;
export type EventOf<T extends EventType> = EventEnvelope<T, PayloadOf<T>>;
export type AnyEvent = { [T in EventType]: EventOf<T> }[EventType];

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_CATALOGUE, type);
}
