import replyFrom from '@fastify/reply-from';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { HttpStatus } from '@nestjs/common';
import { jsonBodyParser, ProblemException, ServiceOptions } from '@styrkedjan/platform';
import { GATEWAY_CONFIG, GatewayConfig } from './config/gateway.config';
import { serveApiDocs } from './docs/serve-api-docs';
import { edgeHeadersHook } from './http/edge-headers.hook';

/** The gateway's own routes that take a body, and the most they take; everything else streams to its service. */
const OWN_ROUTES_WITH_BODY = /^\/(?:api-keys|admin\/queues)(?:[/?]|$)/;
const OWN_BODY_LIMIT_BYTES = 4 * 1024;
const JSON_TYPE = /^application\/(?:[^;\s]+\+)?json(?:\s*;|$)/i;

/** How the gateway's HTTP application differs from a service's; shared by its own process and the one-process mode. */
export const gatewayServiceOptions: ServiceOptions = {
  // Bodies stream through to the services untouched; each service parses and limits its own.
  parseJsonBody: false,
  // It establishes the caller itself, and signs the assertion each service then verifies.
  publicEdge: true,
  configure: async (app) => {
    const config = app.get<GatewayConfig>(GATEWAY_CONFIG);
    const fastify = app.getHttpAdapter().getInstance();
    app.getHttpServer().maxConnections = config.maxConnections;
    fastify.addHook('onRequest', edgeHeadersHook);
    streamBodiesThrough(app, fastify);
    // One keep-alive pool per service (undici); idle sockets are dropped before a service's own keep-alive
    // ends, so one is rarely reused just as the service closes it (which would surface as a spurious 503).
    await app.register(replyFrom, { undici: { keepAliveTimeout: 4000 }, disableRequestLogging: true });
    serveApiDocs(app);
  },
};

/**
 * Hands every request body on as the unread stream it arrived as, for the proxy to pass on. JSON is parsed
 * (Nest would otherwise register its own parser for it at start, which refuses an empty body) and re-encoded
 * by the proxy; the gateway's own routes take at most a few kilobytes of it.
 */
function streamBodiesThrough(app: NestFastifyApplication, fastify: FastifyInstance): void {
  const parseJson = jsonBodyParser(fastify);
  fastify.removeAllContentTypeParsers();
  app.useBodyParser('application/json', {}, (request, body, done) => {
    if (OWN_ROUTES_WITH_BODY.test(request.url) && body.length > OWN_BODY_LIMIT_BYTES)
      return done(tooLarge(), undefined);
    parseJson(request as FastifyRequest, body, done);
  });
  fastify.addContentTypeParser('*', (request, payload, done) => {
    if (!OWN_ROUTES_WITH_BODY.test(request.url)) return done(null, payload);
    if (!JSON_TYPE.test(request.headers['content-type'] ?? '')) return done(null, undefined);
    readUpTo(payload, OWN_BODY_LIMIT_BYTES).then(
      (text) => parseJson(request, text, done),
      (error: Error) => done(error, undefined),
    );
  });
}

function tooLarge(): ProblemException {
  return new ProblemException(
    HttpStatus.PAYLOAD_TOO_LARGE,
    'payload_too_large',
    `The request body is over ${OWN_BODY_LIMIT_BYTES} bytes, the most this route accepts.`,
  );
}

async function readUpTo(payload: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
