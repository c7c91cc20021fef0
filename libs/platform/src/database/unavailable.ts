import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ProblemException } from '../http/problem';
import { ProblemDetailsFilter } from '../http/problem-details.filter';

// SQLSTATE classes and codes that say the server cannot be used right now, not that the statement is wrong:
// connection exceptions (08), shutting down or starting up (57P01–57P03), too many connections (53300).
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[123]|53300)$/;
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
// node-postgres says a connection died in words only.
const UNAVAILABLE_MESSAGES = /Connection terminated|is not queryable|timeout exceeded when trying to connect/i;
// TypeORM releases a transaction's query runner itself when its connection errors; what the transaction
// runs next fails with these.
const UNAVAILABLE_TYPEORM_ERRORS = new Set([
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
]);

/**
 * Whether an error means PostgreSQL cannot be reached or is restarting (so the request may succeed
 * shortly), as opposed to a bug or a refused statement. Looks through TypeORM's wrapping (driverError)
 * and `cause`.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const { name, code, message, driverError, cause } = error as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
  };
  if (typeof name === 'string' && UNAVAILABLE_TYPEORM_ERRORS.has(name)) return true;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.test(code) || UNAVAILABLE_SOCKET_CODES.has(code))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  return isDatabaseUnavailable(driverError, depth + 1) || isDatabaseUnavailable(cause, depth + 1);
}

/** The answer to a request that met an unreachable database. Its change, if any, is one transaction: whole or none. */
export function databaseUnavailable(): ProblemException {
  return new ProblemException(
    HttpStatus.SERVICE_UNAVAILABLE,
    'database_unavailable',
    'The database is unavailable; try again shortly (a retry with the same Idempotency-Key is never applied twice).',
  );
}

/**
 * The services' error filter: problem+json for everything, and 503 with Retry-After instead of 500 when the
 * database could not be reached (restarting, failing over), since that is a condition and not a bug.
 */
@Catch()
export class ServiceErrorFilter implements ExceptionFilter {
  private readonly problems = new ProblemDetailsFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    if (isDatabaseUnavailable(exception)) {
      void host.switchToHttp().getResponse<FastifyReply>().header('Retry-After', '1');
      this.problems.catch(databaseUnavailable(), host);
      return;
    }
    this.problems.catch(exception, host);
  }
}
