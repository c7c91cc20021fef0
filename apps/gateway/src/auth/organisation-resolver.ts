import type { OrganisationKind } from '@styrkedjan/contracts';
import { Lookup, rememberFound, Remembering } from '@styrkedjan/platform';
import type { FindOrganisation } from './directory-client';

/** An organisation the directory confirmed: what a token or key names, with the kind its roles must fit. */
export interface KnownOrganisation {
  organisationId: string;
  organisationKind: OrganisationKind;
}

/**
 * Turns an organisation id from a token or key into a known organisation. What the directory confirmed is
 * remembered for a short while, so a burst of requests from one organisation costs one lookup; unknown ids and
 * failures are not, so an organisation registered a moment ago, or a directory that is back, works at once.
 */
export class OrganisationResolver {
  private readonly lookUp: Lookup<KnownOrganisation>;

  constructor(find: FindOrganisation, remembering: Remembering) {
    this.lookUp = rememberFound(async (id) => {
      const organisation = await find(id);
      return organisation && { organisationId: organisation.id, organisationKind: organisation.kind };
    }, remembering);
  }

  resolve(organisationId: string): Promise<KnownOrganisation | null> {
    return this.lookUp(organisationId.toLowerCase());
  }
}
