import type { OrganisationKind, Sector } from '@styrkedjan/contracts';
import type { Organisation } from '../domain/organisation';
import { OrganisationEntity } from '../persistence/organisation.entity';

export interface RegionRef {
  id: string;
  code: string;
  name: string;
}

/** An organisation as the API shows it: plain JSON. */
export interface OrganisationView {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  kind: OrganisationKind;
  sectors: Sector[];
  countyCode: string | null;
  healthcareRegion: string | null;
  region: RegionRef | null;
}

export function toOrganisationView(
  organisation: OrganisationEntity,
  region: OrganisationEntity | null,
): OrganisationView {
  return {
    id: organisation.id,
    code: organisation.code,
    name: organisation.name,
    nameEn: organisation.nameEn,
    kind: organisation.kind,
    sectors: organisation.sectors,
    countyCode: organisation.countyCode,
    healthcareRegion: organisation.healthcareRegion,
    region: region ? { id: region.id, code: region.code, name: region.name } : null,
  };
}

export function toOrganisation(entity: OrganisationEntity): Organisation {
  return {
    id: entity.id,
    code: entity.code,
    name: entity.name,
    nameEn: entity.nameEn,
    kind: entity.kind,
    sectors: entity.sectors,
    countyCode: entity.countyCode,
    regionId: entity.regionId,
    healthcareRegion: entity.healthcareRegion,
  };
}
