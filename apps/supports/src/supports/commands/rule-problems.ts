import { badRequest, conflict, forbidden } from '@styrkedjan/platform';
import { IllegalTransition, InvalidSupport, NotPermitted } from '../domain/support';

/** The problem document a broken domain rule answers with; any other error passes through unchanged. */
export function toRuleProblem(error: unknown): unknown {
  if (error instanceof NotPermitted) return forbidden(error.message);
  if (error instanceof IllegalTransition) return conflict('illegal_transition', error.message);
  if (error instanceof InvalidSupport) return badRequest(error.message, error.issues);
  return error;
}

/** Runs a domain step, turning a broken rule into its problem (403, 409 or 400). */
export function applyRule<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw toRuleProblem(error);
  }
}
