import type { Transaction } from '@styrkedjan/messaging';
import { KnownAreaEntity, KnownOrganisationEntity } from '@styrkedjan/reference-data';

/** An organisation's name from the projection of the directory; null until its event has arrived. */
export async function organisationName(tx: Transaction, organisationId: string | null): Promise<string | null> {
  if (organisationId === null) return null;
  return (await tx.manager.findOneBy(KnownOrganisationEntity, { id: organisationId }))?.name ?? null;
}

/** An area's name from the projection of the directory; its code until its event has arrived. */
export async function areaName(tx: Transaction, areaCode: string): Promise<string> {
  return (await tx.manager.findOneBy(KnownAreaEntity, { code: areaCode }))?.name ?? areaCode;
}
