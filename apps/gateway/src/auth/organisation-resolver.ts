import type { FindOrganisation } from './directory-client';
import { KnownOrganisation, OrganisationCache } from './organisation-cache';

export type { KnownOrganisation };

/** Turns an organisation id from a token or key into a known organisation, asking the directory at most once per TTL. */
export class OrganisationResolver {
  private readonly inFlight = new Map<string, Promise<KnownOrganisation | null>>();

  constructor(
    private readonly find: FindOrganisation,
    private readonly cache: OrganisationCache,
  ) {}

  resolve(organisationId: string): Promise<KnownOrganisation | null> {
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

  private async lookUp(key: string): Promise<KnownOrganisation | null> {
    const organisation = await this.find(key);
    // Neither unknown ids nor failures are cached: an organisation registered a moment ago, or a directory
    // that is back, works on the next request.
    if (!organisation) return null;
    const known: KnownOrganisation = { organisationId: organisation.id, organisationKind: organisation.kind };
    this.cache.set(key, known);
    return known;
  }
}
