import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpanKind } from '@opentelemetry/api';
import request from 'supertest';
import { subscribersOf } from '@styrkedjan/contracts';
import type { SpanLine } from '@styrkedjan/platform';
import { eventually, TestSystem } from '@styrkedjan/testing';

/**
 * One need's journey is one trace, across the processes that carry it: every service of the system runs as its
 * own process and appends its spans to one file (OTEL_TRACES_EXPORTER=file), and the test puts the trace back
 * together from what they wrote: the client's span → the gateway → the needs service → the relay's publish →
 * the consumer of every subscriber of need.identified.
 */
describe('a trace across processes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'styrkedjan-traces-'));
  const file = join(dir, 'spans.jsonl');
  let system: TestSystem;
  let api: ReturnType<typeof request>;

  beforeAll(async () => {
    system = await TestSystem.start({
      env: { OTEL_TRACES_EXPORTER: 'file', TRACES_FILE: file, OTEL_BSP_SCHEDULE_DELAY: '100' },
    });
    api = request(system.url);
  });

  afterAll(async () => {
    await system?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const spansOf = (traceId: string): SpanLine[] =>
    existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as SpanLine)
          .filter((span) => span.traceId === traceId)
      : [];

  it('follows a need from the client through the gateway and the needs service to every consumer', async () => {
    const traceId = randomBytes(16).toString('hex');
    const clientSpanId = randomBytes(8).toString('hex');
    const municipality = await system.organisationId('municipality', '0180');
    const created = await api
      .post('/needs')
      .set(system.as(municipality, 'municipality'))
      .set('traceparent', `00-${traceId}-${clientSpanId}-01`)
      .send({
        title: 'Stöd vid utskrivning från sluten vård',
        description: 'Kommunen saknar en gemensam rutin med regionen.',
        areaCode: 'health.primary-care',
        targetGroups: ['older-people'],
      })
      .expect(201);
    const consumers = subscribersOf('need.identified');
    expect(consumers.length).toBeGreaterThan(1);

    const spans = await eventually(
      () => {
        const found = spansOf(traceId);
        const consumed = found.filter((span) => span.name === 'consume need.identified').map((span) => span.service);
        expect([...new Set(consumed)].sort()).toEqual([...consumers].sort());
        return found;
      },
      { timeoutMs: 30_000 },
    );

    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const one = (predicate: (span: SpanLine) => boolean, what: string): SpanLine => {
      const matching = spans.filter(predicate);
      if (matching.length !== 1) throw new Error(`expected one ${what}, found ${matching.length}`);
      return matching[0];
    };
    const gateway = one((span) => span.kind === SpanKind.SERVER && span.service === 'gateway', 'gateway span');
    const needs = one((span) => span.kind === SpanKind.SERVER && span.service === 'needs', 'needs span');
    const publish = one((span) => span.name === 'publish need.identified', 'publish span');

    expect(gateway.parentSpanId).toBe(clientSpanId);
    expect(gateway.attributes['http.response.status_code']).toBe(201);
    expect(needs.parentSpanId).toBe(gateway.spanId);
    expect(publish.parentSpanId).toBe(needs.spanId);
    for (const consumed of spans.filter((span) => span.name === 'consume need.identified')) {
      expect(consumed.kind).toBe(SpanKind.CONSUMER);
      expect(consumed.attributes['messaging.message.id']).toBe(publish.attributes['messaging.message.id']);
      // Each consumer continues the span that recorded the event, in its own process.
      expect(byId.get(consumed.parentSpanId!)).toBe(needs);
    }
    // And the trace holds no span whose parent it cannot name, but for the client's.
    for (const span of spans) if (span !== gateway) expect(byId.has(span.parentSpanId ?? '')).toBe(true);
    expect(created.body.id).toEqual(expect.any(String));
  });
});
