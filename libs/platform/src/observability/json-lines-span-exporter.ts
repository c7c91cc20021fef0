import { appendFile } from 'node:fs/promises';
import type { SpanKind } from '@opentelemetry/api';
import { ExportResultCode, hrTimeToMicroseconds, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-node';

/** A span as one line of the traces file: what a reader needs to put a trace back together. */
export interface SpanLine {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: SpanKind;
  service: string;
  startUs: number;
  durationUs: number;
  attributes: Record<string, unknown>;
}

/**
 * Appends every span as a line of JSON to a file (`OTEL_TRACES_EXPORTER=file`, `TRACES_FILE=<path>`). For a
 * machine without a collector, and for the system test that follows one request through every process: each
 * process appends to the same file, and a line under the size of a pipe buffer is written whole.
 */
export class JsonLinesSpanExporter implements SpanExporter {
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly path: string) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    const text = spans.map((span) => `${JSON.stringify(lineOf(span))}\n`).join('');
    this.writing = this.writing
      .then(() => appendFile(this.path, text))
      .then(
        () => done({ code: ExportResultCode.SUCCESS }),
        (error: Error) => done({ code: ExportResultCode.FAILED, error }),
      );
  }

  async forceFlush(): Promise<void> {
    await this.writing;
  }

  async shutdown(): Promise<void> {
    await this.writing;
  }
}

function lineOf(span: ReadableSpan): SpanLine {
  const { traceId, spanId } = span.spanContext();
  return {
    traceId,
    spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? null,
    name: span.name,
    kind: span.kind,
    service: String(span.attributes.service ?? span.resource.attributes['service.name'] ?? ''),
    startUs: Math.round(hrTimeToMicroseconds(span.startTime)),
    durationUs: Math.round(hrTimeToMicroseconds(span.duration)),
    attributes: { ...span.attributes },
  };
}
