import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  AreaRow,
  MunicipalityRow,
  NationalOrganisationRow,
  ProductTypeRow,
  ReferenceRows,
  RegionRow,
  TargetGroupRow,
} from '../directory/domain/reference-data';

/** The CSVs shipped beside this file; the build copies them into dist. */
export const BUNDLED_DATA_DIR = join(__dirname, 'data');

/** Where the seed reads from: SEED_DATA_DIR lets an operator load a corrected set without a rebuild. */
export function referenceDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.SEED_DATA_DIR ? resolve(env.SEED_DATA_DIR) : BUNDLED_DATA_DIR;
}

export function readReferenceRows(dir: string): ReferenceRows {
  return {
    regions: readCsv<RegionRow>(dir, 'regions.csv', ['code', 'county', 'name', 'healthcare_region']),
    municipalities: readCsv<MunicipalityRow>(dir, 'municipalities.csv', ['code', 'name', 'county_code']),
    organisations: readCsv<NationalOrganisationRow>(dir, 'organizations.csv', [
      'code',
      'name',
      'name_en',
      'kind',
      'sectors',
    ]),
    areas: readCsv<AreaRow>(dir, 'areas.csv', ['code', 'sector', 'name', 'name_en']),
    targetGroups: readCsv<TargetGroupRow>(dir, 'target-groups.csv', ['code', 'name', 'name_en', 'sectors']),
    productTypes: readCsv<ProductTypeRow>(dir, 'product-types.csv', ['code', 'name', 'name_en', 'description_en']),
  };
}

function readCsv<Row>(dir: string, file: string, columns: (keyof Row & string)[]): Row[] {
  const path = join(dir, file);
  const rows = parse<Record<string, string>>(readFileSync(path), {
    // A renamed column would otherwise read as empty values row by row; name it once instead.
    columns: (header: string[]) => {
      const missing = columns.filter((column) => !header.includes(column));
      if (missing.length) throw new Error(`${path}: missing column(s) ${missing.join(', ')}`);
      return header;
    },
    bom: true,
    skip_empty_lines: true,
    trim: true,
  });
  return rows as unknown as Row[];
}
