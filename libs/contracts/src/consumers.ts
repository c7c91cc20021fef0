import { EVENT_TYPES, EventType } from './catalogue';

/**
 * Who consumes what. Each consuming service has one queue of its own; the outbox relay of every
 * producer fans an event out to each queue listed for its type. Declared here, not discovered at run
 * time, so an event committed before a consumer ever started still reaches it.
 */
export const SUBSCRIPTIONS = {
  needs: [
    'area.defined',
    'area.updated',
    'target-group.defined',
    'target-group.updated',
    'organisation.registered',
    'organisation.updated',
    'support.drafted',
    'support.published',
    // The needs a withdrawn support answered go back to accepted, unless its replacement answers them.
    'support.withdrawn',
  ],
  supports: [
    'area.defined',
    'area.updated',
    'organisation.registered',
    'organisation.updated',
    'target-group.defined',
    'target-group.updated',
    'product-type.defined',
    'product-type.updated',
    'need.identified',
    // An overlap resolved by coordinating makes the other agency a co-producer.
    'coordination.overlap-resolved',
    // The rounds of each support: publishing waits until they are closed and every comment answered.
    'consultation.opened',
    'consultation.extended',
    'consultation.closed',
    'consultation.comment-answered',
  ],
  feedback: ['support.drafted', 'support.published', 'support.withdrawn'],
  notifications: [
    'area.defined',
    'area.updated',
    'organisation.registered',
    'organisation.updated',
    'support.published',
    'feedback.received',
    // A need's submitter and endorsers hear of each of its transitions.
    'need.triaged',
    'need.clarification-requested',
    'need.merged',
    'need.addressed',
    'need.answered',
    // Consultees hear of their rounds, the lead agency of its round's closing; commenters of the publication.
    'consultation.opened',
    'consultation.extended',
    'consultation.closing-soon',
    'consultation.closed',
    // Those concerned by a support hear of its major revisions, its withdrawal and its regional additions.
    'support.revised',
    'support.withdrawn',
    'support.regional-addition-published',
  ],
  // Rounds open on drafts led by the caller; consultees are resolved from organisations and the areas they follow.
  consultations: [
    'organisation.registered',
    'organisation.updated',
    'support.drafted',
    'support.updated',
    'support.published',
    'support.revision-started',
    'support.revised',
    'support.withdrawn',
    'subscriptions.replaced',
  ],
  coordination: [
    'area.defined',
    'area.updated',
    'organisation.registered',
    'organisation.updated',
    'need.triaged',
    'support.drafted',
    'support.updated',
    'support.rescheduled',
    'support.published',
    'support.revised',
    'support.withdrawn',
    'consultation.opened',
    'consultation.extended',
    'consultation.closed',
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

/**
 * Who records what: each event type comes from the outbox of one service. A consumer reconciles with the
 * producers of what it subscribes to (asking each what it published), so this must match the services'
 * code; recording a type that is not declared here for the service is refused (see Transaction.record).
 */
export const PRODUCERS = {
  directory: [
    'organisation.registered',
    'organisation.updated',
    'area.defined',
    'area.updated',
    'target-group.defined',
    'target-group.updated',
    'product-type.defined',
    'product-type.updated',
  ],
  needs: [
    'need.identified',
    'need.endorsed',
    'need.endorsement-withdrawn',
    'need.triaged',
    'need.clarification-requested',
    'need.clarified',
    'need.merged',
    'need.addressed',
    'need.answered',
    'need.reopened',
  ],
  supports: [
    'support.drafted',
    'support.updated',
    'support.rescheduled',
    'support.published',
    'support.revision-started',
    'support.revised',
    'support.withdrawn',
    'support.regional-addition-published',
  ],
  feedback: ['feedback.received'],
  notifications: ['subscriptions.replaced'],
  consultations: [
    'consultation.opened',
    'consultation.extended',
    'consultation.response-submitted',
    'consultation.closing-soon',
    'consultation.closed',
    'consultation.comment-answered',
  ],
  coordination: [
    'coordination.overlap-detected',
    'coordination.overlap-resolved',
    'coordination.overlap-closed',
    'coordination.collision-detected',
    'coordination.collision-cleared',
  ],
} as const satisfies Record<string, readonly EventType[]>;

export type ProducerName = keyof typeof PRODUCERS;
export const PRODUCER_NAMES = Object.keys(PRODUCERS) as ProducerName[];

/** Whether this service's outbox may hold events of this type. */
export function produces(service: string, type: EventType): boolean {
  return ((PRODUCERS as Record<string, readonly EventType[]>)[service] ?? []).includes(type);
}

/** The services whose outboxes hold events this consumer subscribes to. */
export function producersFor(consumer: ConsumerName): ProducerName[] {
  const subscribed: readonly EventType[] = SUBSCRIPTIONS[consumer];
  return PRODUCER_NAMES.filter((producer) => PRODUCERS[producer].some((type) => subscribed.includes(type)));
}

/** BullMQ queue name of a consuming service. */
export function queueNameOf(consumer: ConsumerName): string {
  return `events.${consumer}`;
}
