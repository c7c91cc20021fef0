/** How many areas one organisation may follow: enough for a region across its sectors, small enough to check at once. */
export const MAX_SUBSCRIBED_AREAS = 100;

/** The acting organisation may not do this (403). A plain error, so the domain knows nothing of HTTP. */
export class NotPermitted extends Error {
  override name = 'NotPermitted';
}

/** UUIDs arrive in either case; compared in lower case, as PostgreSQL compares them. */
export function sameOrganisation(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** An organisation chooses the areas it follows itself: nobody subscribes another organisation to alerts. */
export function assertManagesOwnSubscriptions(actingOrganisationId: string, organisationId: string): void {
  if (!sameOrganisation(actingOrganisationId, organisationId)) {
    throw new NotPermitted('An organisation manages only its own subscriptions.');
  }
}
