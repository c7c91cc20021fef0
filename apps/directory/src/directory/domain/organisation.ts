import { SECTORS, type OrganisationKind, type Sector } from '@styrkedjan/contracts';

/** A directory entry: who is in the governance chain, and where. */
export interface Organisation {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  kind: OrganisationKind;
  /** In SECTORS order, without duplicates, so two entries compare equal whatever order their source listed them in. */
  sectors: Sector[];
  countyCode: string | null;
  /** A municipality's region; null for everyone else. */
  regionId: string | null;
  /** The healthcare region (sjukvårdsregion) a region belongs to; null for everyone else. */
  healthcareRegion: string | null;
}

/** Regions run health care; municipalities social services and schools (see the glossary). */
export const REGION_SECTORS: readonly Sector[] = ['health'];
export const MUNICIPALITY_SECTORS: readonly Sector[] = ['social', 'education'];

export function canonicalSectors(sectors: readonly Sector[]): Sector[] {
  return SECTORS.filter((sector) => sectors.includes(sector));
}

export function sameOrganisation(a: Organisation, b: Organisation): boolean {
  return (
    a.id === b.id &&
    a.code === b.code &&
    a.name === b.name &&
    a.nameEn === b.nameEn &&
    a.kind === b.kind &&
    a.countyCode === b.countyCode &&
    a.regionId === b.regionId &&
    a.healthcareRegion === b.healthcareRegion &&
    a.sectors.length === b.sectors.length &&
    a.sectors.every((sector, index) => sector === b.sectors[index])
  );
}
