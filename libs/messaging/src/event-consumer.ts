import { SetMetadata } from '@nestjs/common';
import { EventOf, EventType } from '@styrkedjan/contracts';
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
