import { z } from 'zod';

/** Who caused an event: the acting organisation, and the user when a person (not a system) acted. */
export const actorSchema = z.strictObject({
  organisationId: z.uuid().nullable(),
  userId: z.string().max(200).nullable(),
  /** How the actor was identified: `jwt` (identity provider), `dev-jwt` (development token), `api-key`, `system` for seeds and jobs. */
  method: z.string().max(50),
});
export type Actor = z.infer<typeof actorSchema>;

export const SYSTEM_ACTOR: Actor = { organisationId: null, userId: null, method: 'system' };

/** The aggregate an event belongs to and its version after the event: read models use it to ignore stale events. */
export const aggregateRefSchema = z.strictObject({
  type: z.string().max(50),
  id: z.string().max(100),
  version: z.int().positive(),
});
export type AggregateRef = z.infer<typeof aggregateRefSchema>;

/**
 * The W3C trace context (https://www.w3.org/TR/trace-context/) of the span that recorded an event, so that its
 * consumers' spans continue the same trace. Optional: events recorded with tracing off, or before it existed,
 * have none.
 */
export const traceContextSchema = z.strictObject({
  traceparent: z.string().regex(/^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/),
  tracestate: z.string().max(512).optional(),
});
export type EventTraceContext = z.infer<typeof traceContextSchema>;

/** The one envelope every event travels in, whatever its type. */
export const envelopeSchema = z.strictObject({
  id: z.uuid(),
  type: z.string().max(100),
  version: z.int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  producer: z.string().max(50),
  actor: actorSchema,
  correlationId: z.string().max(100),
  causationId: z.string().max(100).nullable(),
  aggregate: aggregateRefSchema,
  payload: z.record(z.string(), z.unknown()),
  trace: traceContextSchema.optional(),
});

export interface EventEnvelope<TType extends string = string, TPayload = Record<string, unknown>> {
  id: string;
  type: TType;
  version: number;
  occurredAt: string;
  producer: string;
  actor: Actor;
  correlationId: string;
  causationId: string | null;
  aggregate: AggregateRef;
  payload: TPayload;
  trace?: EventTraceContext;
}
