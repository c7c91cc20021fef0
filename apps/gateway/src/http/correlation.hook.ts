import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { CORRELATION_HEADER, correlationIdOf } from '@styrkedjan/platform';

/**
 * Gives every request one correlation id before anything else runs: the caller's when it is usable,
 * else a new one. It is written back into the request headers, so the proxy forwards it, and echoed on
 * the response, so a caller can quote it, errors included.
 */
export function correlationHook(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  void reply.header(CORRELATION_HEADER, correlationIdOf(request.raw));
  done();
}
