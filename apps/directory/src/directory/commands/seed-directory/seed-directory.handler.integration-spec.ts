import { randomUUID } from 'node:crypto';
import type { RequestContext } from '@styrkedjan/platform';
import { ServiceTestbed } from '@styrkedjan/testing';
import { directoryDatabase } from '../../../database/directory.database';
import { DirectoryModule } from '../../directory.module';
import { DirectoryReferenceData, ReferenceRows, toDirectoryReferenceData } from '../../domain/reference-data';
import { SeedDirectoryCommand } from './seed-directory.command';

describe('seed directory (integration)', () => {
  let testbed: ServiceTestbed;
  const SYSTEM: RequestContext = { principal: null, system: true, correlationId: 'seed-spec', idempotency: null };

  beforeAll(async () => {
    testbed = await ServiceTestbed.start({
      service: 'directory',
      database: directoryDatabase,
      imports: [DirectoryModule],
    });
  });

  afterAll(async () => {
    await testbed?.stop();
  });

  const ROWS: ReferenceRows = {
    regions: [
      { code: '01', county: 'Stockholms län', name: 'Region Stockholm', healthcare_region: 'Stockholm-Gotland' },
    ],
    municipalities: [{ code: '0180', name: 'Stockholm', county_code: '01' }],
    organisations: [
      {
        code: 'SoS',
        name: 'Socialstyrelsen',
        name_en: 'The National Board of Health and Welfare',
        kind: 'agency',
        sectors: 'social;health',
      },
    ],
    areas: [{ code: 'health.primary-care', sector: 'health', name: 'Primärvård', name_en: 'Primary care' }],
  };

  const seed = (reference: DirectoryReferenceData) => testbed.execute(new SeedDirectoryCommand(SYSTEM, reference));

  const eventsOf = async (type: string, id: string) =>
    (await testbed.outbox()).filter((row) => row.type === type && row.envelope.aggregate.id === id);

  it('adds every entry and announces each at version 1, as the system', async () => {
    const reference = toDirectoryReferenceData(ROWS);
    const [region, municipality, agency] = reference.organisations;

    expect(await seed(reference)).toEqual({
      organisations: { added: 3, updated: 0, unchanged: 0 },
      areas: { added: 1, updated: 0, unchanged: 0 },
    });
    const { rows: organisations } = await testbed.db.query(
      'SELECT id, kind, code, name, region_id, sectors, aggregate_version FROM organisations ORDER BY code',
    );
    expect(organisations).toEqual([
      {
        id: region.id,
        kind: 'region',
        code: '01',
        name: 'Region Stockholm',
        region_id: null,
        sectors: ['health'],
        aggregate_version: 1,
      },
      {
        id: municipality.id,
        kind: 'municipality',
        code: '0180',
        name: 'Stockholm',
        region_id: region.id,
        sectors: ['social', 'education'],
        aggregate_version: 1,
      },
      {
        id: agency.id,
        kind: 'agency',
        code: 'SoS',
        name: 'Socialstyrelsen',
        region_id: null,
        sectors: ['health', 'social'],
        aggregate_version: 1,
      },
    ]);
    const { rows: areas } = await testbed.db.query('SELECT * FROM areas');
    expect(areas).toEqual([
      {
        code: 'health.primary-care',
        sector: 'health',
        name: 'Primärvård',
        name_en: 'Primary care',
        aggregate_version: 1,
      },
    ]);

    const outbox = await testbed.outbox();
    expect(outbox.map((row) => row.type).sort()).toEqual([
      'area.defined',
      'organisation.registered',
      'organisation.registered',
      'organisation.registered',
    ]);
    expect((await eventsOf('organisation.registered', municipality.id))[0].envelope).toMatchObject({
      version: 1,
      producer: 'directory',
      actor: { organisationId: null, userId: null, method: 'system' },
      correlationId: 'seed-spec',
      aggregate: { type: 'organisation', id: municipality.id, version: 1 },
      payload: {
        organisationId: municipality.id,
        code: '0180',
        name: 'Stockholm',
        nameEn: null,
        kind: 'municipality',
        regionId: region.id,
        sectors: ['social', 'education'],
      },
    });
    expect((await eventsOf('area.defined', 'health.primary-care'))[0].envelope).toMatchObject({
      aggregate: { type: 'area', id: 'health.primary-care', version: 1 },
      payload: { code: 'health.primary-care', sector: 'health', name: 'Primärvård', nameEn: 'Primary care' },
    });
  });

  it('changes and announces nothing when run again on the same data', async () => {
    const before = await testbed.counts('organisations', 'areas');
    expect(await seed(toDirectoryReferenceData(ROWS))).toEqual({
      organisations: { added: 0, updated: 0, unchanged: 3 },
      areas: { added: 0, updated: 0, unchanged: 1 },
    });
    expect(await testbed.counts('organisations', 'areas')).toEqual(before);
  });

  it('announces a changed entry as updated at its next version', async () => {
    const changed = toDirectoryReferenceData({
      ...ROWS,
      organisations: [{ ...ROWS.organisations[0], name: 'Socialstyrelsen (ny)' }],
      areas: [{ ...ROWS.areas[0], name: 'Primärvården' }],
    });
    const agency = changed.organisations[2];
    expect(await seed(changed)).toEqual({
      organisations: { added: 0, updated: 1, unchanged: 2 },
      areas: { added: 0, updated: 1, unchanged: 0 },
    });
    const { rows } = await testbed.db.query('SELECT name, aggregate_version FROM organisations WHERE id = $1', [
      agency.id,
    ]);
    expect(rows).toEqual([{ name: 'Socialstyrelsen (ny)', aggregate_version: 2 }]);
    expect((await eventsOf('organisation.updated', agency.id)).map((row) => row.envelope)).toEqual([
      expect.objectContaining({
        aggregate: { type: 'organisation', id: agency.id, version: 2 },
        payload: expect.objectContaining({ name: 'Socialstyrelsen (ny)' }),
      }),
    ]);
    expect((await eventsOf('area.updated', 'health.primary-care')).map((row) => row.envelope)).toEqual([
      expect.objectContaining({
        aggregate: { type: 'area', id: 'health.primary-care', version: 2 },
        payload: expect.objectContaining({ name: 'Primärvården' }),
      }),
    ]);
  });

  it('lets two seeds at once take turns, so each new entry is announced once', async () => {
    const withMore = toDirectoryReferenceData({
      ...ROWS,
      organisations: [
        { ...ROWS.organisations[0], name: 'Socialstyrelsen (ny)' },
        { code: 'FHM', name: 'Folkhälsomyndigheten', name_en: '', kind: 'agency', sectors: 'health' },
      ],
      areas: [
        { ...ROWS.areas[0], name: 'Primärvården' },
        { code: 'social.elderly-care', sector: 'social', name: 'Äldreomsorg', name_en: '' },
      ],
    });
    const summaries = await Promise.all([seed(withMore), seed(withMore)]);
    expect(summaries.map((summary) => summary.organisations.added + summary.areas.added).sort()).toEqual([0, 2]);
    const added = withMore.organisations.find((organisation) => organisation.code === 'FHM')!;
    expect(await eventsOf('organisation.registered', added.id)).toHaveLength(1);
    expect(await eventsOf('area.defined', 'social.elderly-care')).toHaveLength(1);
  });

  it('writes nothing, and announces nothing, when a seed fails part way', async () => {
    const reference = toDirectoryReferenceData(ROWS);
    const broken: DirectoryReferenceData = {
      organisations: [
        ...reference.organisations,
        // A municipality whose region is in neither the directory nor the data: the foreign key refuses it.
        { ...reference.organisations[1], id: randomUUID(), code: '0181', name: 'Södertälje', regionId: randomUUID() },
      ],
      areas: [...reference.areas, { code: 'education.preschool', sector: 'education', name: 'Förskola', nameEn: null }],
    };
    const before = await testbed.counts('organisations', 'areas');
    await expect(seed(broken)).rejects.toThrow(/foreign key/);
    expect(await testbed.counts('organisations', 'areas')).toEqual(before);
  });
});
