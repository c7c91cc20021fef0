import type { Role } from '@styrkedjan/access';
import type { Principal } from '@styrkedjan/platform';

/** Who is calling, as the gateway established it: the principal the services see, plus its roles. */
export interface Caller extends Principal {
  roles: Role[];
  /** The API key used, when the caller is a system rather than a person. */
  apiKeyId: string | null;
}

// Kept beside the request, not on it: nothing a client sends can set it, and it goes when the request goes.
const callers = new WeakMap<object, Caller>();

export function setPrincipal(request: object, caller: Caller): void {
  callers.set(request, caller);
}

/** Who this request acts for, as the guard established it; null before (or without) authentication. */
export function principalOf(request: object): Caller | null {
  return callers.get(request) ?? null;
}
