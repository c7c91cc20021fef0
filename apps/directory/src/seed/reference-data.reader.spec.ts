import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { organisationIdOf } from '../directory/domain/deterministic-id';
import { toDirectoryReferenceData } from '../directory/domain/reference-data';
import { BUNDLED_DATA_DIR, readReferenceRows, referenceDataDir } from './reference-data.reader';

describe('the bundled reference data', () => {
  const { organisations, areas, targetGroups, productTypes } = toDirectoryReferenceData(
    readReferenceRows(BUNDLED_DATA_DIR),
  );
  const ofKind = (kind: string) => organisations.filter((o) => o.kind === kind);

  it('holds 21 regions and 290 municipalities, Gotland among both', () => {
    expect(ofKind('region')).toHaveLength(21);
    expect(ofKind('municipality')).toHaveLength(290);
    expect(ofKind('region').find((o) => o.code === '09')?.name).toBe('Region Gotland');
    expect(ofKind('municipality').find((o) => o.code === '0980')?.name).toBe('Gotland');
  });

  it('links every municipality to the region of its county', () => {
    const regions = new Map(ofKind('region').map((region) => [region.id, region]));
    for (const municipality of ofKind('municipality')) {
      expect(regions.get(municipality.regionId!)?.countyCode).toBe(municipality.countyCode);
    }
    expect(ofKind('municipality').find((o) => o.code === '0980')?.regionId).toBe(organisationIdOf('region', '09'));
  });

  it('holds the national organisations and the areas, all with ids unique', () => {
    expect(organisations).toHaveLength(311 + 39);
    expect(new Set(organisations.map((o) => o.id)).size).toBe(organisations.length);
    expect(organisations.find((o) => o.code === 'SKR')).toMatchObject({
      kind: 'association',
      sectors: ['health', 'social', 'education'],
    });
    expect(areas).toHaveLength(27);
  });

  it('holds the vocabularies of target groups and product types, in Swedish and English', () => {
    expect(targetGroups).toHaveLength(25);
    expect(targetGroups.find((group) => group.code === 'older-people')).toEqual({
      code: 'older-people',
      name: 'Äldre',
      nameEn: 'Older people',
      sectors: ['health', 'social'],
    });
    expect(targetGroups.every((group) => group.nameEn !== null && group.sectors.length > 0)).toBe(true);
    expect(productTypes).toHaveLength(13);
    expect(productTypes.find((type) => type.code === 'guideline')).toMatchObject({
      name: 'Nationella riktlinjer',
      nameEn: 'National guidelines',
      descriptionEn: expect.stringContaining('evidence grading'),
    });
  });

  it('reads from SEED_DATA_DIR when set, resolved against the working directory', () => {
    expect(referenceDataDir({})).toBe(BUNDLED_DATA_DIR);
    expect(referenceDataDir({ SEED_DATA_DIR: 'some/dir' })).toBe(join(process.cwd(), 'some/dir'));
  });

  it('names a missing column instead of reading empty values', () => {
    const dir = mkdtempSync(join(tmpdir(), 'directory-seed-'));
    for (const file of [
      'regions.csv',
      'municipalities.csv',
      'organizations.csv',
      'target-groups.csv',
      'product-types.csv',
    ]) {
      writeFileSync(join(dir, file), readFileSync(join(BUNDLED_DATA_DIR, file)));
    }
    writeFileSync(join(dir, 'areas.csv'), 'code,sector,name,english\na,health,A,A\n');
    expect(() => readReferenceRows(dir)).toThrow(/areas.csv: missing column\(s\) name_en/);
    writeFileSync(join(dir, 'areas.csv'), 'bad,header\n');
    expect(() => readReferenceRows(dir)).toThrow(/areas.csv: missing column\(s\) code, sector, name, name_en/);
    writeFileSync(join(dir, 'areas.csv'), readFileSync(join(BUNDLED_DATA_DIR, 'areas.csv')));
    writeFileSync(join(dir, 'product-types.csv'), 'code,name,name_en\nguidance,Vägledning,Guidance\n');
    expect(() => readReferenceRows(dir)).toThrow(/product-types.csv: missing column\(s\) description_en/);
  });
});
