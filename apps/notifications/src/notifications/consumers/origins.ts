import type { EventOf, EventType } from '@styrkedjan/contracts';
import {
  type NotificationSubject,
  type NotifyingEventType,
  occasionOf,
  publicationOccasion,
} from '../domain/notification';
import type { NotificationOrigin } from '../persistence/notifications.repository';
import type { PublishedEdition } from '../persistence/recipients.repository';

/** An event that is its own occasion: one notification per recipient and event. */
export function eventOrigin(
  event: EventOf<EventType & NotifyingEventType>,
  subject: NotificationSubject,
): NotificationOrigin {
  return { type: event.type, occasion: occasionOf(event.id), eventId: event.id, occurredAt: event.occurredAt, subject };
}

/** A need's transition is its own occasion: one notification per stakeholder and event. */
export function needOrigin(
  event: EventOf<'need.triaged' | 'need.clarification-requested' | 'need.merged' | 'need.addressed'>,
  subject: NotificationSubject = { type: 'need', id: event.payload.needId },
): NotificationOrigin {
  return eventOrigin(event, subject);
}

/** A round's event, linked to the round. */
export function roundOrigin(
  event: EventOf<'consultation.opened' | 'consultation.extended' | 'consultation.closing-soon' | 'consultation.closed'>,
): NotificationOrigin {
  return eventOrigin(event, { type: 'consultation', id: event.payload.consultationId });
}

/** A support's first publication as one of its need.answered tells it: the occasion support.published has too. */
export function publicationOrigin(event: EventOf<'need.answered'>): NotificationOrigin {
  const { supportId } = event.payload;
  return {
    type: 'support.published',
    occasion: publicationOccasion(supportId),
    eventId: event.id,
    occurredAt: event.occurredAt,
    subject: { type: 'support', id: supportId },
  };
}

/** An edition's publication as the event that published it told it, also when a late round's closing adds to it. */
export function editionOrigin(published: PublishedEdition): NotificationOrigin {
  return {
    type: published.type,
    occasion: published.occasion,
    eventId: published.eventId,
    occurredAt: published.publishedAt,
    subject: { type: 'support', id: published.supportId },
  };
}
