import type { EventOf } from '@styrkedjan/contracts';
import { type NotificationSubject, occasionOf, publicationOccasion } from '../domain/notification';
import type { NotificationOrigin } from '../persistence/notifications.repository';

/** A need's transition is its own occasion: one notification per stakeholder and event. */
export function needOrigin(
  event: EventOf<'need.triaged' | 'need.clarification-requested' | 'need.merged' | 'need.addressed'>,
  subject: NotificationSubject = { type: 'need', id: event.payload.needId },
): NotificationOrigin {
  return { type: event.type, occasion: occasionOf(event.id), eventId: event.id, occurredAt: event.occurredAt, subject };
}

/** A support's publication, whether support.published or one of its need.answered tells it. */
export function publicationOrigin(event: EventOf<'support.published' | 'need.answered'>): NotificationOrigin {
  const { supportId } = event.payload;
  return {
    type: 'support.published',
    occasion: publicationOccasion(supportId),
    eventId: event.id,
    occurredAt: event.occurredAt,
    subject: { type: 'support', id: supportId },
  };
}
