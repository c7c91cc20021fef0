import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, FieldIssue } from '../errors/domain-errors';
import { ProblemDocument, ProblemException } from './problem';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * Renders every error as application/problem+json; unexpected errors are logged, never shown. Errors Fastify
 * raises before a route runs (malformed JSON, a body over the limit, an unsupported media type) reach it too:
 * Nest hands them over as HttpExceptions with Fastify's 4xx status.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = toProblem(exception, request.originalUrl ?? request.url);
    if (problem.status >= 500) {
      // A 503/504 raised on purpose is an expected condition, not a bug: no stack trace.
      if (exception instanceof ProblemException)
        this.logger.warn(`${problem.status} ${problem.instance}: ${problem.detail}`);
      else this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    }
    if (reply.sent) return;
    void reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}

export function toProblem(exception: unknown, instance?: string): ProblemDocument {
  if (exception instanceof DomainError) {
    return {
      type: 'about:blank',
      title: titleOf(exception.status),
      status: exception.status,
      detail: exception.message,
      instance,
      code: exception.code,
      ...(exception.issues?.length ? { errors: [...exception.issues] } : {}),
      ...(exception.current !== undefined ? { current: exception.current } : {}),
    };
  }
  if (!(exception instanceof HttpException)) {
    const status = HttpStatus.INTERNAL_SERVER_ERROR;
    return { type: 'about:blank', title: titleOf(status), status, instance };
  }
  const status = exception.getStatus();
  const body = exception.getResponse();
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : { detail: body };
  const detail = typeof fields.detail === 'string' ? fields.detail : (messageOf(fields.message) ?? exception.message);
  return {
    type: 'about:blank',
    title: titleOf(status),
    status,
    detail,
    instance,
    ...(typeof fields.code === 'string' ? { code: fields.code } : {}),
    ...(Array.isArray(fields.errors) && fields.errors.length ? { errors: fields.errors as FieldIssue[] } : {}),
  };
}

function messageOf(message: unknown): string | undefined {
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return undefined;
}

function titleOf(status: number): string {
  const name = HttpStatus[status];
  if (!name) return 'Error';
  return name.charAt(0) + name.slice(1).toLowerCase().replace(/_/g, ' ');
}
