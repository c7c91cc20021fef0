import { organisationIdOf } from './deterministic-id';
import { ReferenceDataError, ReferenceRows, toDirectoryReferenceData } from './reference-data';

function rows(overrides: Partial<ReferenceRows> = {}): ReferenceRows {
  return {
    regions: [
      { code: '01', county: 'Stockholms län', name: 'Region Stockholm', healthcare_region: 'Stockholm-Gotland' },
      { code: '09', county: 'Gotlands län', name: 'Region Gotland', healthcare_region: 'Stockholm-Gotland' },
    ],
    municipalities: [
      { code: '0114', name: 'Upplands Väsby', county_code: '01' },
      { code: '0980', name: 'Gotland', county_code: '09' },
    ],
    organisations: [
      {
        code: 'SOS',
        name: 'Socialstyrelsen',
        name_en: 'National Board of Health and Welfare',
        kind: 'agency',
        sectors: 'social;health',
      },
      {
        code: 'SKR',
        name: 'Sveriges Kommuner och Regioner',
        name_en: '',
        kind: 'association',
        sectors: 'health; education;health',
      },
    ],
    areas: [{ code: 'health.primary-care', sector: 'health', name: 'Primärvård', name_en: 'Primary care' }],
    targetGroups: [
      { code: 'older-people', name: 'Äldre', name_en: 'Older people', sectors: 'social;health' },
      { code: 'pupils', name: 'Elever', name_en: '', sectors: 'education' },
    ],
    productTypes: [
      { code: 'guidance', name: 'Vägledning', name_en: 'Guidance', description_en: 'how to apply it in practice' },
      { code: 'handbook', name: 'Handbok', name_en: 'Handbook', description_en: '' },
    ],
    ...overrides,
  };
}

describe('reference data to directory entries', () => {
  it('makes Gotland both a municipality and a region: two organisations', () => {
    const { organisations } = toDirectoryReferenceData(rows());
    const gotland = organisations.filter((o) => o.name.includes('Gotland'));
    expect(gotland.map((o) => [o.kind, o.code])).toEqual([
      ['region', '09'],
      ['municipality', '0980'],
    ]);
    expect(gotland[1].regionId).toBe(gotland[0].id);
  });

  it('gives every municipality the region of its county, and regions their healthcare region', () => {
    const { organisations } = toDirectoryReferenceData(rows());
    const väsby = organisations.find((o) => o.code === '0114');
    expect(väsby).toMatchObject({
      id: organisationIdOf('municipality', '0114'),
      kind: 'municipality',
      countyCode: '01',
      regionId: organisationIdOf('region', '01'),
      healthcareRegion: null,
      sectors: ['social', 'education'],
    });
    expect(organisations.find((o) => o.kind === 'region' && o.code === '01')).toMatchObject({
      countyCode: '01',
      regionId: null,
      healthcareRegion: 'Stockholm-Gotland',
      sectors: ['health'],
    });
  });

  it('splits national sectors on ";" into a canonical list and treats an empty English name as none', () => {
    const { organisations } = toDirectoryReferenceData(rows());
    expect(organisations.find((o) => o.code === 'SOS')).toMatchObject({
      kind: 'agency',
      sectors: ['health', 'social'],
      countyCode: null,
    });
    expect(organisations.find((o) => o.code === 'SKR')).toMatchObject({
      nameEn: null,
      sectors: ['health', 'education'],
    });
  });

  it('maps areas', () => {
    expect(toDirectoryReferenceData(rows()).areas).toEqual([
      { code: 'health.primary-care', sector: 'health', name: 'Primärvård', nameEn: 'Primary care' },
    ]);
  });

  it('maps target groups with canonical sectors, and product types with their English description', () => {
    const { targetGroups, productTypes } = toDirectoryReferenceData(rows());
    expect(targetGroups).toEqual([
      { code: 'older-people', name: 'Äldre', nameEn: 'Older people', sectors: ['health', 'social'] },
      { code: 'pupils', name: 'Elever', nameEn: null, sectors: ['education'] },
    ]);
    expect(productTypes).toEqual([
      { code: 'guidance', name: 'Vägledning', nameEn: 'Guidance', descriptionEn: 'how to apply it in practice' },
      { code: 'handbook', name: 'Handbok', nameEn: 'Handbook', descriptionEn: null },
    ]);
  });

  it.each([
    [
      'a target-group code that is not lower-case words joined by hyphens',
      { targetGroups: [{ code: 'Older People', name: 'Äldre', name_en: '', sectors: 'health' }] },
      /target-groups.csv row 2: code 'Older People' is not lower-case words/,
    ],
    [
      'a target group without sectors',
      { targetGroups: [{ code: 'older-people', name: 'Äldre', name_en: '', sectors: ' ' }] },
      /target-groups.csv row 2: sectors is empty/,
    ],
    [
      'a repeated product type',
      {
        productTypes: [
          { code: 'guidance', name: 'Vägledning', name_en: '', description_en: '' },
          { code: 'guidance', name: 'Vägledning 2', name_en: '', description_en: '' },
        ],
      },
      /product-types.csv row 3: 'guidance' already appears on row 2/,
    ],
    [
      'a product type description beyond 1000 characters',
      { productTypes: [{ code: 'guidance', name: 'Vägledning', name_en: '', description_en: 'x'.repeat(1001) }] },
      /product-types.csv row 2: description_en is longer than 1000/,
    ],
    [
      'a municipality in a county without a region',
      { municipalities: [{ code: '2584', name: 'Kiruna', county_code: '25' }] },
      /municipalities.csv row 2: county '25' has no region/,
    ],
    [
      'a municipality code outside its county',
      { municipalities: [{ code: '0180', name: 'Stockholm', county_code: '09' }] },
      /does not start with its county code/,
    ],
    [
      'an unknown kind',
      { organisations: [{ code: 'X', name: 'X', name_en: '', kind: 'company', sectors: 'health' }] },
      /kind 'company' is not one of/,
    ],
    [
      'a region in the national file',
      { organisations: [{ code: '01', name: 'X', name_en: '', kind: 'region', sectors: 'health' }] },
      /belongs in regions.csv/,
    ],
    [
      'an unknown sector',
      { organisations: [{ code: 'X', name: 'X', name_en: '', kind: 'agency', sectors: 'health;defence' }] },
      /sector 'defence'/,
    ],
    [
      'an empty name',
      { areas: [{ code: 'a', sector: 'health', name: ' ', name_en: '' }] },
      /areas.csv row 2: name is empty/,
    ],
    [
      'a repeated code',
      {
        areas: [
          { code: 'a', sector: 'health', name: 'A', name_en: '' },
          { code: 'a', sector: 'social', name: 'B', name_en: '' },
        ],
      },
      /areas.csv row 3: 'a' already appears on row 2/,
    ],
  ])('refuses %s', (_case, override, message) => {
    expect(() => toDirectoryReferenceData(rows(override as Partial<ReferenceRows>))).toThrow(ReferenceDataError);
    expect(() => toDirectoryReferenceData(rows(override as Partial<ReferenceRows>))).toThrow(message);
  });
});
