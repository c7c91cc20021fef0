/**
 * The one family of errors a rule or a use case throws when it refuses. Plain classes with no framework in
 * them, so a domain can throw them; the problem+json filter maps each to its status (see toProblem).
 */

/** One input that breaks a rule, named by its path in the request (`needIds[2]`, `areaCode`, `Idempotency-Key`). */
export interface FieldIssue {
  field: string;
  message: string;
}

export abstract class DomainError extends Error {
  /** The problem's `code`: stable, for clients to branch on. */
  abstract readonly code: string;
  /** The HTTP status the problem+json filter answers with. */
  abstract readonly status: 400 | 403 | 404 | 409 | 412 | 422 | 428;
  readonly issues?: readonly FieldIssue[];
  /** What the client should see of the current state with the refusal (a stale write gets the state it missed). */
  readonly current?: unknown;
}

/** The acting organisation may not do this (403). */
export class NotPermitted extends DomainError {
  override name = 'NotPermitted';
  readonly code = 'forbidden';
  readonly status = 403;
}

/** What the request names does not exist (404). */
export class NotFound extends DomainError {
  override name = 'NotFound';
  readonly code = 'not_found';
  readonly status = 404;
  constructor(what: string, id: string) {
    super(`${what} ${id} does not exist`);
  }
}

/** The request contradicts the current state: an illegal transition, a duplicate (409). */
export class Conflict extends DomainError {
  override name = 'Conflict';
  readonly status = 409;
  constructor(
    readonly code: string,
    detail: string,
  ) {
    super(detail);
  }
}

/** The request was made against a version that is no longer the current one (412), answered with the current state. */
export class StaleVersion extends DomainError {
  override name = 'StaleVersion';
  readonly code = 'stale_version';
  readonly status = 412;
  constructor(
    detail: string,
    override readonly current?: unknown,
  ) {
    super(detail);
  }
}

/** A write that must name the version it was made against did not (428, naming the header it needs). */
export class PreconditionRequired extends DomainError {
  override name = 'PreconditionRequired';
  readonly code = 'precondition_required';
  readonly status = 428;
  override readonly issues: readonly FieldIssue[];
  constructor(header: string, detail: string) {
    super(detail);
    this.issues = [{ field: header, message: 'is required' }];
  }
}

/**
 * Input that breaks a rule, field by field: 400 `validation_failed` when the input is malformed, 422 when it is
 * well-formed but cannot be acted on (a key reused for another request).
 */
export class InvalidInput extends DomainError {
  override name = 'InvalidInput';
  constructor(
    override readonly issues: readonly FieldIssue[],
    readonly status: 400 | 422 = 400,
    readonly code = status === 400 ? 'validation_failed' : 'unprocessable',
  ) {
    super(issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '));
  }

  /** The common case: one field, one message. */
  static field(field: string, message: string): InvalidInput {
    return new InvalidInput([{ field, message }]);
  }
}
