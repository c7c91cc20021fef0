import { forbidden } from '@styrkedjan/platform';
import { assertOwnInbox, NotPermitted } from './domain/notification';

/** The inbox rule as the HTTP answer it gives when broken (403). */
export function requireOwnInbox(actingOrganisationId: string, organisationId: string): void {
  try {
    assertOwnInbox(actingOrganisationId, organisationId);
  } catch (error) {
    throw error instanceof NotPermitted ? forbidden(error.message) : error;
  }
}
