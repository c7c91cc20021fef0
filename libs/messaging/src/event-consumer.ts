import { SetMetadata } from '@nestjs/common';
import { EventOf, EventType } from '@styrkedjan/contracts';
import type { EntityManager } from 'typeorm';
import { Transaction } from './transaction';

export const EVENT_CONSUMER = Symbol('EVENT_CONSUMER');

/** Marks a provider as the consumer of these event types in its service. */
export const EventConsumer = (...types: EventType[]) => SetMetadata(EVENT_CONSUMER, types);

/**
 * Reacts to one event inside the transaction that also records it as processed: the effect and the
 * record commit together, so a redelivered event finds its id taken and changes nothing.
 */
export interface ConsumesEvent<T extends EventType = EventType> {
  handle(event: EventOf<T>, tx: Transaction): Promise<void>;
}

/**
 * A consumer that can apply several events in one transaction, for a service whose every event contends
 * for one lock (the pipeline's event-log position). The host hands it what has arrived while the previous
 * batch was committing: one event when idle, more under load. Its events are fresh (their processed_events
 * rows are inserted in the same transaction) and it records no events of its own. `handle` remains the
 * path for one event, used when a batch fails and its events are retried one by one.
 */
export interface ConsumesEventBatch<T extends EventType = EventType> extends ConsumesEvent<T> {
  handleBatch(events: readonly EventOf<T>[], manager: EntityManager): Promise<void>;
}

export function consumesBatches(consumer: ConsumesEvent): consumer is ConsumesEventBatch {
  return typeof (consumer as Partial<ConsumesEventBatch>).handleBatch === 'function';
}
