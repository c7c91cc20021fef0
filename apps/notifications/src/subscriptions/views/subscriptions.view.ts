/** The areas an organisation follows, sorted, so PUT and GET answer the same bytes for the same set. */
export interface SubscriptionsView {
  organisationId: string;
  areaCodes: string[];
}
