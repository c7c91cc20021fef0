import { Injectable } from '@nestjs/common';
import { context, SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumerHost, ConsumesEvent, EventConsumer, Transaction, UnitOfWork } from '@styrkedjan/messaging';
import { startTracing, stopTracing, traceHeaders, tracer } from '@styrkedjan/platform';
import { actingAs, ServiceTestbed } from '@styrkedjan/testing';
import { messagingSpecDatabase, supportDrafted, IgnoredWithdrawnConsumer } from './messaging.testbed';

/** Records an event of its own for each support drafted, as notifications do for what they consume. */
@Injectable()
@EventConsumer('support.drafted')
class DraftedConsumer implements ConsumesEvent<'support.drafted'> {
  handle(event: EventOf<'support.drafted'>, tx: Transaction): Promise<void> {
    const { supportId, leadAgencyId, title } = event.payload;
    tx.record(
      'feedback.received',
      { type: 'feedback', id: event.id, version: 1 },
      {
        feedbackId: event.id,
        supportId,
        leadAgencyId,
        supportTitle: title,
        organisationId: leadAgencyId,
        usefulness: 4,
        applicationStatus: 'planned',
        comment: '',
        receivedAt: event.occurredAt,
      },
    );
    return Promise.resolve();
  }
}

@Injectable()
@EventConsumer('support.published')
class PublishedConsumer implements ConsumesEvent<'support.published'> {
  handle(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * One trace across processes: the span that records an event writes its W3C trace context into the envelope,
 * and the consumer's span, wherever it runs, is that span's child; what the consumer records continues it.
 */
describe('trace context through the outbox (integration)', () => {
  const exporter = new InMemorySpanExporter();
  let testbed: ServiceTestbed;

  beforeAll(async () => {
    await startTracing('feedback', exporter);
    testbed = await ServiceTestbed.start({
      service: 'feedback',
      database: messagingSpecDatabase('feedback'),
      queues: true,
      providers: [DraftedConsumer, PublishedConsumer, IgnoredWithdrawnConsumer],
      env: { SERVICE_ROLES: 'consumer' },
    });
  });

  afterAll(async () => {
    await testbed?.stop();
    await stopTracing();
  });

  const spanNamed = (name: string): ReadableSpan[] => exporter.getFinishedSpans().filter((span) => span.name === name);

  it('records the trace of the span a use case runs in on its events', async () => {
    const request = tracer().startSpan('POST /supports/:id/feedback', { kind: SpanKind.SERVER });
    const recorded = traceHeaders(trace.setSpan(context.active(), request))!;
    const event = await testbed
      .get(UnitOfWork)
      .run({ ...actingAs(crypto.randomUUID(), 'municipality'), trace: recorded }, 'give', async (tx) =>
        tx.record(
          'feedback.received',
          { type: 'feedback', id: crypto.randomUUID(), version: 1 },
          {
            feedbackId: crypto.randomUUID(),
            supportId: crypto.randomUUID(),
            leadAgencyId: crypto.randomUUID(),
            supportTitle: 'Stöd',
            organisationId: crypto.randomUUID(),
            usefulness: 5,
            applicationStatus: 'applied',
            comment: '',
            receivedAt: new Date().toISOString(),
          },
        ),
      );
    request.end();
    const [row] = (await testbed.outbox()).filter((candidate) => candidate.envelope.id === event.id);
    expect(row.envelope.trace).toEqual({
      traceparent: `00-${request.spanContext().traceId}-${request.spanContext().spanId}-01`,
    });
  });

  it("makes the consumer's span a child of the producer's, in another process's trace, and carries it on", async () => {
    // The producing process's span, as the supports service would have had it when it drafted the support.
    const producer = tracer().startSpan('POST /supports', { kind: SpanKind.SERVER });
    const event = { ...supportDrafted(), trace: traceHeaders(trace.setSpan(context.active(), producer))! };
    producer.end();

    expect(await testbed.get(ConsumerHost).process({ data: event })).toBe('processed');

    const [consumed] = spanNamed('consume support.drafted');
    expect(consumed.kind).toBe(SpanKind.CONSUMER);
    expect(consumed.spanContext().traceId).toBe(producer.spanContext().traceId);
    expect(consumed.parentSpanContext?.spanId).toBe(producer.spanContext().spanId);
    expect(consumed.attributes['styrkedjan.delivery']).toBe('processed');

    const [caused] = (await testbed.outbox()).filter((row) => row.envelope.causationId === event.id);
    expect(caused.envelope.trace?.traceparent).toBe(
      `00-${producer.spanContext().traceId}-${consumed.spanContext().spanId}-01`,
    );
  });

  it('starts a trace of its own for an event recorded without one (tracing off, or before it existed)', async () => {
    exporter.reset();
    const event = supportDrafted();
    expect(event).not.toHaveProperty('trace');
    expect(await testbed.get(ConsumerHost).process({ data: event })).toBe('processed');
    const [consumed] = spanNamed('consume support.drafted');
    expect(consumed.parentSpanContext).toBeUndefined();
  });
});
