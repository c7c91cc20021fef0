import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  Actor,
  AggregateRef,
  AnyEvent,
  EventTraceContext,
  EventType,
  EVENT_CATALOGUE,
  PayloadOf,
  produces,
  validateEvent,
} from '@styrkedjan/contracts';

/** Where the events recorded in a transaction come from: the service, who acted, and what caused it. */
export interface EventOrigin {
  producer: string;
  actor: Actor;
  correlationId: string;
  causationId: string | null;
  /** The span the events are recorded in (the request's, the consumer's), when tracing is on. */
  trace?: EventTraceContext;
}

/**
 * One database transaction of a use case. State changes go through `manager`; events are recorded with
 * `record` and written to the outbox in the same transaction, so both commit or neither does.
 */
export class Transaction {
  private readonly recorded: AnyEvent[] = [];

  constructor(
    readonly manager: EntityManager,
    private readonly origin: EventOrigin,
  ) {}

  record<T extends EventType>(type: T, aggregate: AggregateRef, payload: PayloadOf<T>): AnyEvent {
    // Consumers reconcile only with the declared producer of a type: an undeclared one would never be re-offered.
    if (!produces(this.origin.producer, type)) {
      throw new Error(
        `${this.origin.producer} records ${type}, which PRODUCERS in @styrkedjan/contracts does not give it`,
      );
    }
    // Validate before anything commits: an event that breaks its contract is a bug here, not downstream.
    const event = validateEvent({
      id: randomUUID(),
      type,
      version: EVENT_CATALOGUE[type].version,
      occurredAt: new Date().toISOString(),
      producer: this.origin.producer,
      actor: this.origin.actor,
      correlationId: this.origin.correlationId,
      causationId: this.origin.causationId,
      aggregate,
      payload,
      ...(this.origin.trace ? { trace: this.origin.trace } : {}),
    });
    this.recorded.push(event);
    return event;
  }

  get events(): readonly AnyEvent[] {
    return this.recorded;
  }
}
