import { Controller, Get, Header, Inject, Injectable } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { SERVICE_NAME } from '../config';

// Latency buckets from a cached read (a few ms) to a proxy timeout (10 s).
const HTTP_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

// Set by a process that routes by its own table (the gateway's proxy), read when the answer is counted.
const routeTemplates = new WeakMap<object, string>();

/** The route a request was served by, as a template (`/needs/:id`), when Fastify's own router did not match it. */
export function setRouteTemplate(request: object, template: string): void {
  routeTemplates.set(request, template);
}

/**
 * The Prometheus metrics of one service (`GET /metrics` on its own port): one registry per service, so that
 * several services in one process (`--one-process`) keep apart, each series labelled with the service. The
 * HTTP histogram is observed on every answer; everything else registers a gauge computed when scraped.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly http: Histogram<'method' | 'route' | 'status_code'>;

  constructor(@Inject(SERVICE_NAME) service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.http = new Histogram({
      name: 'http_server_request_duration_seconds',
      help: 'Time from receiving a request to sending its answer, by route template, method and status',
      labelNames: ['method', 'route', 'status_code'],
      buckets: HTTP_BUCKETS,
      registers: [this.registry],
    });
  }

  /** Counts every answer of the Fastify instance; unmatched paths share one label, so a scan cannot add series. */
  observeHttp(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      const route = routeTemplates.get(request) ?? request.routeOptions.url ?? 'unmatched';
      this.http.observe(
        { method: request.method, route: route.includes('*') ? 'unmatched' : route, status_code: reply.statusCode },
        reply.elapsedTime / 1000,
      );
      done();
    });
  }

  async text(): Promise<string> {
    return this.registry.metrics();
  }
}

/**
 * `GET /metrics` in Prometheus's text format. On a service's own port only: the gateway routes nothing it does
 * not declare, and serves its own metrics to the platform operator alone (apps/gateway/src/admin).
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.text();
  }
}
