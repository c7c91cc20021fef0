import {
  ORGANISATION_KINDS,
  SECTORS,
  targetGroupCode,
  type OrganisationKind,
  type Sector,
} from '@styrkedjan/contracts';
import type { Area } from './area';
import type { ProductType } from './product-type';
import type { TargetGroup } from './target-group';
import { organisationIdOf } from './deterministic-id';
import { canonicalSectors, MUNICIPALITY_SECTORS, Organisation, REGION_SECTORS } from './organisation';

/** The rows of the reference CSVs, by their header names. */
export interface RegionRow {
  code: string;
  county: string;
  name: string;
  healthcare_region: string;
}
export interface MunicipalityRow {
  code: string;
  name: string;
  county_code: string;
}
export interface NationalOrganisationRow {
  code: string;
  name: string;
  name_en: string;
  kind: string;
  sectors: string;
}
export interface AreaRow {
  code: string;
  sector: string;
  name: string;
  name_en: string;
}

export interface TargetGroupRow {
  code: string;
  name: string;
  name_en: string;
  sectors: string;
}
export interface ProductTypeRow {
  code: string;
  name: string;
  name_en: string;
  description_en: string;
}

export interface ReferenceRows {
  regions: RegionRow[];
  municipalities: MunicipalityRow[];
  organisations: NationalOrganisationRow[];
  areas: AreaRow[];
  targetGroups: TargetGroupRow[];
  productTypes: ProductTypeRow[];
}

/** What the directory should contain according to the reference data. */
export interface DirectoryReferenceData {
  organisations: Organisation[];
  areas: Area[];
  targetGroups: TargetGroup[];
  productTypes: ProductType[];
}

/** Bad reference data stops the seed before anything is written, naming the file and the row. */
export class ReferenceDataError extends Error {
  constructor(file: string, row: number, message: string) {
    super(`${file} row ${row}: ${message}`);
    this.name = 'ReferenceDataError';
  }
}

/** Regions and municipalities come from the geography files, so organizations.csv may not add more of them. */
const GEOGRAPHIC_KINDS: readonly OrganisationKind[] = ['region', 'municipality'];

/**
 * Maps the reference files to directory entries. Each file holds its own kinds, so (kind, code) can only
 * repeat within one file; a repeat there is refused rather than letting the later row win silently.
 */
export function toDirectoryReferenceData(rows: ReferenceRows): DirectoryReferenceData {
  const regions = unique(toRegions(rows.regions), (region) => region.code, 'regions.csv');
  const regionIdByCounty = new Map(regions.map((region) => [region.code, region.id]));
  const municipalities = unique(
    toMunicipalities(rows.municipalities, regionIdByCounty),
    (m) => m.code,
    'municipalities.csv',
  );
  const national = unique(
    toNationalOrganisations(rows.organisations),
    (o) => `${o.kind}:${o.code}`,
    'organizations.csv',
  );
  const areas = unique(toAreas(rows.areas), (area) => area.code, 'areas.csv');
  const targetGroups = unique(toTargetGroups(rows.targetGroups), (group) => group.code, 'target-groups.csv');
  const productTypes = unique(toProductTypes(rows.productTypes), (type) => type.code, 'product-types.csv');
  return { organisations: [...regions, ...municipalities, ...national], areas, targetGroups, productTypes };
}

function toRegions(rows: RegionRow[]): Organisation[] {
  return rows.map((row, index) => {
    const at = locate('regions.csv', index);
    const code = required(row.code, 'code', at);
    if (!/^\d{2}$/.test(code)) throw at(`code '${code}' is not a two-digit county code`);
    return {
      id: organisationIdOf('region', code),
      code,
      name: name(row.name, 'name', at),
      nameEn: null,
      kind: 'region',
      sectors: [...REGION_SECTORS],
      countyCode: code,
      regionId: null,
      healthcareRegion: name(row.healthcare_region, 'healthcare_region', at),
    };
  });
}

function toMunicipalities(rows: MunicipalityRow[], regionIdByCounty: Map<string, string>): Organisation[] {
  return rows.map((row, index) => {
    const at = locate('municipalities.csv', index);
    const code = required(row.code, 'code', at);
    if (!/^\d{4}$/.test(code)) throw at(`code '${code}' is not a four-digit municipality code`);
    const countyCode = required(row.county_code, 'county_code', at);
    // SCB codes start with the county code; a mismatch means a shifted or mistyped row.
    if (!code.startsWith(countyCode)) throw at(`code '${code}' does not start with its county code '${countyCode}'`);
    const regionId = regionIdByCounty.get(countyCode);
    if (!regionId) throw at(`county '${countyCode}' has no region in regions.csv`);
    return {
      id: organisationIdOf('municipality', code),
      code,
      name: name(row.name, 'name', at),
      nameEn: null,
      kind: 'municipality',
      sectors: [...MUNICIPALITY_SECTORS],
      countyCode,
      regionId,
      healthcareRegion: null,
    };
  });
}

function toNationalOrganisations(rows: NationalOrganisationRow[]): Organisation[] {
  return rows.map((row, index) => {
    const at = locate('organizations.csv', index);
    const code = required(row.code, 'code', at);
    if (code.length > 20) throw at(`code '${code}' is longer than 20 characters`);
    const kind = required(row.kind, 'kind', at) as OrganisationKind;
    if (!ORGANISATION_KINDS.includes(kind)) throw at(`kind '${kind}' is not one of ${ORGANISATION_KINDS.join(', ')}`);
    if (GEOGRAPHIC_KINDS.includes(kind)) throw at(`kind '${kind}' belongs in regions.csv or municipalities.csv`);
    return {
      id: organisationIdOf(kind, code),
      code,
      name: name(row.name, 'name', at),
      nameEn: optionalName(row.name_en, 'name_en', at),
      kind,
      sectors: sectorList(row.sectors, at),
      countyCode: null,
      regionId: null,
      healthcareRegion: null,
    };
  });
}

function toAreas(rows: AreaRow[]): Area[] {
  return rows.map((row, index) => {
    const at = locate('areas.csv', index);
    const code = required(row.code, 'code', at);
    if (code.length > 60) throw at(`code '${code}' is longer than 60 characters`);
    return {
      code,
      sector: sector(row.sector, at),
      name: name(row.name, 'name', at),
      nameEn: optionalName(row.name_en, 'name_en', at),
    };
  });
}

function toTargetGroups(rows: TargetGroupRow[]): TargetGroup[] {
  return rows.map((row, index) => {
    const at = locate('target-groups.csv', index);
    return {
      code: vocabularyCode(row.code, at),
      name: name(row.name, 'name', at),
      nameEn: optionalName(row.name_en, 'name_en', at),
      sectors: sectorList(row.sectors, at),
    };
  });
}

function toProductTypes(rows: ProductTypeRow[]): ProductType[] {
  return rows.map((row, index) => {
    const at = locate('product-types.csv', index);
    const description = row.description_en?.trim() || null;
    if (description && description.length > 1000) throw at('description_en is longer than 1000 characters');
    return {
      code: vocabularyCode(row.code, at),
      name: name(row.name, 'name', at),
      nameEn: optionalName(row.name_en, 'name_en', at),
      descriptionEn: description,
    };
  });
}

type Locate = (message: string) => ReferenceDataError;

/** Target-group and product-type codes are what needs and supports name: lower-case words joined by hyphens. */
function vocabularyCode(value: string | undefined, at: Locate): string {
  const code = required(value, 'code', at);
  if (!targetGroupCode.safeParse(code).success) {
    throw at(`code '${code}' is not lower-case words joined by hyphens, at most 60 characters`);
  }
  return code;
}

/** Row numbers as a person sees them in the file: the header is row 1. */
function locate(file: string, index: number): Locate {
  return (message) => new ReferenceDataError(file, index + 2, message);
}

function required(value: string | undefined, column: string, at: Locate): string {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) throw at(`${column} is empty`);
  return trimmed;
}

function name(value: string | undefined, column: string, at: Locate): string {
  const trimmed = required(value, column, at);
  if (trimmed.length > 200) throw at(`${column} is longer than 200 characters`);
  return trimmed;
}

function optionalName(value: string | undefined, column: string, at: Locate): string | null {
  return value?.trim() ? name(value, column, at) : null;
}

function sector(value: string | undefined, at: Locate): Sector {
  const candidate = required(value, 'sector', at) as Sector;
  if (!SECTORS.includes(candidate)) throw at(`sector '${candidate}' is not one of ${SECTORS.join(', ')}`);
  return candidate;
}

function sectorList(value: string | undefined, at: Locate): Sector[] {
  const listed = required(value, 'sectors', at)
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);
  return canonicalSectors(listed.map((part) => sector(part, at)));
}

function unique<T>(items: T[], keyOf: (item: T) => string, file: string): T[] {
  const firstRow = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    const earlier = firstRow.get(key);
    if (earlier !== undefined) throw locate(file, index)(`'${key}' already appears on row ${earlier + 2}`);
    firstRow.set(key, index);
  });
  return items;
}
