import { HttpException, HttpStatus } from '@nestjs/common';
import type { FieldIssue } from '../errors/domain-errors';

/** An RFC 9457 problem document, the one error shape every service answers with. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code?: string;
  errors?: FieldIssue[];
  /** The current state of what a stale write was made against (412). */
  current?: unknown;
}

/**
 * A refusal at the HTTP edge that no rule of the domain makes (401, 413, 429, 503, 504): the gateway and the
 * platform throw it. Rules and use cases throw the domain errors (errors/domain-errors.ts) instead.
 */
export class ProblemException extends HttpException {
  constructor(status: HttpStatus, code: string, detail: string, errors?: FieldIssue[]) {
    super({ code, detail, errors }, status);
  }
}

export const unauthorized = (detail: string) =>
  new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthenticated', detail);
