import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from './problem-details.filter';
import type { ProblemDocument } from './problem';

/**
 * The longest request target (path and query string) accepted: 8 KiB, what common proxies and CDNs allow. Longer
 * is a 414. Every route's path and query fit in far less; the limit is there so that nothing downstream (the
 * router, the validation, a log line) ever sees a megabyte of URL.
 */
export const MAX_URL_BYTES = 8 * 1024;
/**
 * The most the request line and headers may take together, Node's own default (16 KiB), stated here so that the
 * gateway and the services agree and the 431 below is ours. The gateway adds its assertion (≈0.5 KiB) on the way.
 */
export const MAX_HEADER_BYTES = 16 * 1024;

/** The HTTP server's options for these limits, and its answer to what it refuses before any route runs. */
export const requestLimitOptions = {
  http: { maxHeaderSize: MAX_HEADER_BYTES },
  clientErrorHandler: answerClientError,
  // A path Fastify's router cannot decode (`/areas/%zz`) is refused before any route, and before Nest's filter.
  frameworkErrors: (error: Error, _request: FastifyRequest, reply: FastifyReply) => {
    void reply
      .code(400)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(problemOf(400, 'bad_url', `The request's URL is not valid: ${error.message}`)));
  },
};

/** Refuses a request target over MAX_URL_BYTES with 414 problem+json, before anything else reads it. */
export function refuseLongUrls(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.url.length <= MAX_URL_BYTES) return;
    return reply
      .code(414)
      .type(PROBLEM_CONTENT_TYPE)
      .header('connection', 'close')
      .send(JSON.stringify(problemOf(414, 'uri_too_long', urlDetail())));
  });
}

/**
 * What Node's HTTP parser refuses never reaches a route, and Node (or Fastify) would answer it with a bare status
 * and a body of its own. Answered here as every other refusal is: problem+json, on the socket, then closed.
 * Headers (with the request line) over MAX_HEADER_BYTES are a 431, unless it is the request line alone that
 * overflows, which is a 414; a request that stalls is a 408; anything else the parser cannot read is a 400.
 */
export function answerClientError(error: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  let problem: ProblemDocument;
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    // The parser counts the request line with the headers; the chunk it stopped in tells which one ran over: one
    // that starts the request with a line longer than a URL may be, or that is all one unfinished line.
    // Node hands the chunk over as a Buffer (Fastify's types say a JSON-ified one).
    const packet = Buffer.isBuffer(error.rawPacket) ? error.rawPacket.toString('latin1') : '';
    const lineEnd = packet.indexOf('\r\n');
    const requestLineTooLong = lineEnd === -1 || (/^[A-Z]+ /.test(packet) && lineEnd > MAX_URL_BYTES);
    problem = requestLineTooLong
      ? problemOf(414, 'uri_too_long', urlDetail())
      : problemOf(
          431,
          'header_fields_too_large',
          `The request's headers are over ${MAX_HEADER_BYTES} bytes, the most accepted.`,
        );
  } else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    problem = problemOf(408, 'request_timeout', 'The request did not arrive in time.');
  } else {
    problem = problemOf(400, 'malformed_request', 'The request is not well-formed HTTP.');
  }
  if (socket.writable) {
    const body = JSON.stringify(problem);
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

function urlDetail(): string {
  return `The request's URL is longer than ${MAX_URL_BYTES} bytes, the most accepted.`;
}

function problemOf(status: number, code: string, detail: string): ProblemDocument {
  return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail, code };
}
