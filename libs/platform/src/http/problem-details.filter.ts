import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DomainError, FieldIssue } from '../errors/domain-errors';
import { ProblemDocument, ProblemException } from './problem';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Renders every error as application/problem+json; unexpected errors are logged, never shown. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(exception, http.getRequest<Request>(), http.getResponse<Response>(), this.logger);
  }
}

/** Express error middleware with the same output, for errors raised before Nest routes (the body parser). */
export function problemErrorMiddleware(logger = new Logger('Problem')) {
  return (error: unknown, request: Request, response: Response, _next: NextFunction) =>
    sendProblem(error, request, response, logger);
}

function sendProblem(exception: unknown, request: Request, response: Response, logger: Logger): void {
  const problem = toProblem(exception, request.originalUrl ?? request.url);
  if (problem.status >= 500) {
    // A 503/504 raised on purpose is an expected condition, not a bug: no stack trace.
    if (exception instanceof ProblemException) logger.warn(`${problem.status} ${problem.instance}: ${problem.detail}`);
    else logger.error(exception instanceof Error ? exception.stack : String(exception));
  }
  if (response.headersSent) return;
  response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
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
    };
  }
  if (!(exception instanceof HttpException)) {
    const status = httpStatusOfForeignError(exception);
    return {
      type: 'about:blank',
      title: titleOf(status),
      status,
      ...(status < 500 ? { detail: String((exception as Error).message) } : {}),
      instance,
    };
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

/** Errors raised by the body parser carry their own status (400 bad JSON, 413 too large); anything else is a 500. */
function httpStatusOfForeignError(exception: unknown): number {
  const status = (exception as { status?: unknown; type?: unknown })?.status;
  const fromBodyParser = typeof (exception as { type?: unknown })?.type === 'string';
  return fromBodyParser && typeof status === 'number' && status >= 400 && status < 500
    ? status
    : HttpStatus.INTERNAL_SERVER_ERROR;
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
