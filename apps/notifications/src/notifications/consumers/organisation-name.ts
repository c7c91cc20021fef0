import type { Transaction } from '@styrkedjan/messaging';
import { KnownOrganisationEntity } from '@styrkedjan/reference-data';

/** An organisation's name from the projection of the directory; null until its event has arrived. */
export async function organisationName(tx: Transaction, organisationId: string | null): Promise<string | null> {
  if (organisationId === null) return null;
  return (await tx.manager.findOneBy(KnownOrganisationEntity, { id: organisationId }))?.name ?? null;
}
