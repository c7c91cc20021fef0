import type { Principal } from '@styrkedjan/platform';
import type { FindOrganisation } from './directory-client';
import { PrincipalCache } from './principal-cache';

/** Turns an organisation id into the principal it acts as, asking the directory at most once per TTL. */
export class PrincipalResolver {
  private readonly inFlight = new Map<string, Promise<Principal | null>>();

  constructor(
    private readonly find: FindOrganisation,
    private readonly cache: PrincipalCache,
  ) {}

  resolve(organisationId: string): Promise<Principal | null> {
    const key = organisationId.toLowerCase();
    const cached = this.cache.get(key);
    if (cached) return Promise.resolve(cached);
    // Concurrent requests for one organisation share the lookup instead of each asking the directory.
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.lookUp(key).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async lookUp(key: string): Promise<Principal | null> {
    const organisation = await this.find(key);
    // Neither unknown ids nor failures are cached: an organisation registered a moment ago, or a directory
    // that is back, works on the next request.
    if (!organisation) return null;
    const principal: Principal = {
      organisationId: organisation.id,
      organisationKind: organisation.kind,
      userId: null,
      method: 'organisation-header',
    };
    this.cache.set(key, principal);
    return principal;
  }
}
