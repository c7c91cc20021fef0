import { HttpException, HttpStatus } from '@nestjs/common';

/** One field that failed validation, named by its path in the request (`needIds[1]`, `areaCode`). */
export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem document, the one error shape every service answers with. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code?: string;
  errors?: FieldError[];
}

/** An error that knows its HTTP problem document. Throw it anywhere; the filter renders it. */
export class ProblemException extends HttpException {
  constructor(status: HttpStatus, code: string, detail: string, errors?: FieldError[]) {
    super({ code, detail, errors }, status);
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) =>
  new ProblemException(HttpStatus.BAD_REQUEST, 'validation_failed', detail, errors);
export const invalidField = (field: string, message: string) =>
  badRequest(`${field}: ${message}`, [{ field, message }]);
export const notFound = (what: string, id: string) =>
  new ProblemException(HttpStatus.NOT_FOUND, 'not_found', `${what} ${id} does not exist`);
export const forbidden = (detail: string) => new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', detail);
export const unauthorized = (detail: string) =>
  new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthenticated', detail);
export const conflict = (code: string, detail: string) => new ProblemException(HttpStatus.CONFLICT, code, detail);
