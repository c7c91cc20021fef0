import helmet from '@fastify/helmet';
import replyFrom from '@fastify/reply-from';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { HttpStatus } from '@nestjs/common';
import { ProblemException, ServiceOptions } from '@styrkedjan/platform';
import { GATEWAY_CONFIG, GatewayConfig } from './config/gateway.config';
import { serveApiDocs } from './docs/serve-api-docs';
import { correlationHook } from './http/correlation.hook';

/** The gateway's own routes that take a body, and the most they take; everything else streams to its service. */
const OWN_ROUTES_WITH_BODY = /^\/api-keys(?:[/?]|$)/;
const OWN_BODY_LIMIT_BYTES = 4 * 1024;
const JSON_TYPE = /^application\/(?:[^;\s]+\+)?json(?:\s*;|$)/i;

/** How the gateway's HTTP application differs from a service's; shared by its own process and the one-process mode. */
export const gatewayServiceOptions: ServiceOptions = {
  // Bodies stream through to the services untouched; each service parses and limits its own.
  parseJsonBody: false,
  configure: async (app) => {
    const config = app.get<GatewayConfig>(GATEWAY_CONFIG);
    const fastify = app.getHttpAdapter().getInstance();
    await app.register(helmet);
    app.getHttpServer().maxConnections = config.maxConnections;
    fastify.addHook('onRequest', correlationHook);
    streamBodiesThrough(fastify);
    // One keep-alive pool per service (undici); idle sockets are dropped before a service's own keep-alive
    // ends, so one is rarely reused just as the service closes it (which would surface as a spurious 503).
    await app.register(replyFrom, { undici: { keepAliveTimeout: 4000 }, disableRequestLogging: true });
    serveApiDocs(app);
  },
};

/**
 * Hands every request body on as the unread stream it arrived as, for the proxy to pass on; only the gateway's
 * own routes that take JSON read and parse theirs, up to a few kilobytes.
 */
function streamBodiesThrough(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (request, payload, done) => {
    if (!OWN_ROUTES_WITH_BODY.test(request.url)) return done(null, payload);
    if (!JSON_TYPE.test(request.headers['content-type'] ?? '')) return done(null, undefined);
    readUpTo(payload, OWN_BODY_LIMIT_BYTES).then(
      (text) => parseJson(request, text, done),
      (error: Error) => done(error, undefined),
    );
  });
}

async function readUpTo(payload: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit)
      throw new ProblemException(
        HttpStatus.PAYLOAD_TOO_LARGE,
        'payload_too_large',
        `The request body is over ${limit} bytes, the most this route accepts.`,
      );
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
