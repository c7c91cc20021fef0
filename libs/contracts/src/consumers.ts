import { EVENT_TYPES, EventType } from './catalogue';

/**
 * Who consumes what. Each consuming service has one queue of its own; the outbox relay of every
 * producer fans an event out to each queue listed for its type. Declared here, not discovered at run
 * time, so an event committed before a consumer ever started still reaches it.
 */
export const SUBSCRIPTIONS = {
  needs: ['area.defined', 'area.updated', 'support.drafted', 'support.published'],
  supports: ['area.defined', 'area.updated', 'organisation.registered', 'organisation.updated', 'need.identified'],
  feedback: ['support.drafted', 'support.published'],
  notifications: [
    'area.defined',
    'area.updated',
    'organisation.registered',
    'organisation.updated',
    'support.published',
    'feedback.received',
  ],
  // The pipeline keeps the event log, so it takes everything.
  pipeline: EVENT_TYPES,
} as const satisfies Record<string, readonly EventType[]>;

export type ConsumerName = keyof typeof SUBSCRIPTIONS;
export const CONSUMER_NAMES = Object.keys(SUBSCRIPTIONS) as ConsumerName[];

/** The queues an event of this type goes to. */
export function subscribersOf(type: EventType): ConsumerName[] {
  return CONSUMER_NAMES.filter((name) => (SUBSCRIPTIONS[name] as readonly EventType[]).includes(type));
}

/** BullMQ queue name of a consuming service. */
export function queueNameOf(consumer: ConsumerName): string {
  return `events.${consumer}`;
}
