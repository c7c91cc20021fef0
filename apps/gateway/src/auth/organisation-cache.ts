import type { OrganisationKind } from '@styrkedjan/contracts';

/** An organisation the directory confirmed: what a token or key names, with the kind its roles must fit. */
export interface KnownOrganisation {
  organisationId: string;
  organisationKind: OrganisationKind;
}

/**
 * Organisations the directory confirmed, for a short while: a burst of requests from one organisation
 * costs one lookup. Bounded, dropping the least recently used, so a caller cycling through ids cannot
 * grow it without end.
 */
export class OrganisationCache {
  private readonly entries = new Map<string, { organisation: KnownOrganisation; expiresAt: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(organisationId: string): KnownOrganisation | undefined {
    const entry = this.entries.get(organisationId);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(organisationId);
      return undefined;
    }
    // Re-inserting moves the entry to the end of the Map's order, which is what eviction reads as recent.
    this.entries.delete(organisationId);
    this.entries.set(organisationId, entry);
    return entry.organisation;
  }

  set(organisationId: string, organisation: KnownOrganisation): void {
    if (this.ttlMs <= 0) return;
    this.entries.delete(organisationId);
    this.entries.set(organisationId, { organisation, expiresAt: this.now() + this.ttlMs });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
  }
}
