import { randomUUID } from 'node:crypto';
import type { RequestContext } from '@styrkedjan/platform';
import { QueryBus } from '@nestjs/cqrs';
import { ServiceTestbed } from '@styrkedjan/testing';
import { directoryDatabase } from '../../../database/directory.database';
import { DirectoryModule } from '../../directory.module';
import { DirectoryReferenceData, ReferenceRows, toDirectoryReferenceData } from '../../domain/reference-data';
import { GetProductTypeQuery } from '../../queries/get-product-type/get-product-type.query';
import { GetTargetGroupQuery } from '../../queries/get-target-group/get-target-group.query';
import { ListProductTypesQuery } from '../../queries/list-product-types/list-product-types.query';
import { ListTargetGroupsQuery } from '../../queries/list-target-groups/list-target-groups.query';
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
    targetGroups: [
      { code: 'older-people', name: 'Äldre', name_en: 'Older people', sectors: 'health;social' },
      { code: 'pupils', name: 'Elever', name_en: 'Pupils', sectors: 'education' },
    ],
    productTypes: [{ code: 'guidance', name: 'Vägledning', name_en: 'Guidance', description_en: 'in practice' }],
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
      targetGroups: { added: 2, updated: 0, unchanged: 0 },
      productTypes: { added: 1, updated: 0, unchanged: 0 },
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
      'product-type.defined',
      'target-group.defined',
      'target-group.defined',
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
    expect((await eventsOf('target-group.defined', 'older-people'))[0].envelope).toMatchObject({
      producer: 'directory',
      actor: { method: 'system' },
      aggregate: { type: 'target-group', id: 'older-people', version: 1 },
      payload: { code: 'older-people', name: 'Äldre', nameEn: 'Older people', sectors: ['health', 'social'] },
    });
    expect((await eventsOf('product-type.defined', 'guidance'))[0].envelope).toMatchObject({
      aggregate: { type: 'product-type', id: 'guidance', version: 1 },
      payload: { code: 'guidance', name: 'Vägledning', nameEn: 'Guidance', descriptionEn: 'in practice' },
    });
  });

  it('serves the vocabularies whole, the target groups of a sector, and one entry by code', async () => {
    const queries = testbed.get(QueryBus);
    expect(await queries.execute(new ListTargetGroupsQuery())).toEqual({
      items: [
        { code: 'older-people', name: 'Äldre', nameEn: 'Older people', sectors: ['health', 'social'] },
        { code: 'pupils', name: 'Elever', nameEn: 'Pupils', sectors: ['education'] },
      ],
    });
    expect((await queries.execute(new ListTargetGroupsQuery('education'))).items.map((g) => g.code)).toEqual([
      'pupils',
    ]);
    expect(await queries.execute(new GetTargetGroupQuery('pupils'))).toMatchObject({ name: 'Elever' });
    await expect(queries.execute(new GetTargetGroupQuery('nobody'))).rejects.toMatchObject({ name: 'NotFound' });
    expect(await queries.execute(new ListProductTypesQuery())).toEqual({
      items: [{ code: 'guidance', name: 'Vägledning', nameEn: 'Guidance', descriptionEn: 'in practice' }],
    });
    expect(await queries.execute(new GetProductTypeQuery('guidance'))).toMatchObject({ nameEn: 'Guidance' });
    await expect(queries.execute(new GetProductTypeQuery('nothing'))).rejects.toMatchObject({ name: 'NotFound' });
  });

  it('changes and announces nothing when run again on the same data', async () => {
    const before = await testbed.counts('organisations', 'areas', 'target_groups', 'product_types', 'outbox');
    expect(await seed(toDirectoryReferenceData(ROWS))).toEqual({
      organisations: { added: 0, updated: 0, unchanged: 3 },
      areas: { added: 0, updated: 0, unchanged: 1 },
      targetGroups: { added: 0, updated: 0, unchanged: 2 },
      productTypes: { added: 0, updated: 0, unchanged: 1 },
    });
    expect(await testbed.counts('organisations', 'areas', 'target_groups', 'product_types', 'outbox')).toEqual(before);
  });

  it('announces a changed entry as updated at its next version', async () => {
    const changed = toDirectoryReferenceData({
      ...ROWS,
      organisations: [{ ...ROWS.organisations[0], name: 'Socialstyrelsen (ny)' }],
      areas: [{ ...ROWS.areas[0], name: 'Primärvården' }],
      targetGroups: [{ ...ROWS.targetGroups[0], sectors: 'health;social;education' }, ROWS.targetGroups[1]],
      productTypes: [{ ...ROWS.productTypes[0], description_en: 'how to apply it' }],
    });
    const agency = changed.organisations[2];
    expect(await seed(changed)).toEqual({
      organisations: { added: 0, updated: 1, unchanged: 2 },
      areas: { added: 0, updated: 1, unchanged: 0 },
      targetGroups: { added: 0, updated: 1, unchanged: 1 },
      productTypes: { added: 0, updated: 1, unchanged: 0 },
    });
    expect((await eventsOf('target-group.updated', 'older-people')).map((row) => row.envelope)).toEqual([
      expect.objectContaining({
        aggregate: { type: 'target-group', id: 'older-people', version: 2 },
        payload: expect.objectContaining({ sectors: ['health', 'social', 'education'] }),
      }),
    ]);
    expect((await eventsOf('product-type.updated', 'guidance'))[0].envelope).toMatchObject({
      aggregate: { type: 'product-type', id: 'guidance', version: 2 },
      payload: { descriptionEn: 'how to apply it' },
    });
    const { rows: groups } = await testbed.db.query(
      'SELECT sectors, aggregate_version FROM target_groups ORDER BY code',
    );
    expect(groups).toEqual([
      { sectors: ['health', 'social', 'education'], aggregate_version: 2 },
      { sectors: ['education'], aggregate_version: 1 },
    ]);
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
      targetGroups: [...ROWS.targetGroups, { code: 'parents', name: 'Föräldrar', name_en: '', sectors: 'social' }],
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
    expect(
      summaries.map((summary) => summary.organisations.added + summary.areas.added + summary.targetGroups.added).sort(),
    ).toEqual([0, 3]);
    expect(await eventsOf('target-group.defined', 'parents')).toHaveLength(1);
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
      targetGroups: [{ code: 'newly-arrived', name: 'Nyanlända', nameEn: null, sectors: ['social'] }],
      productTypes: [{ code: 'training', name: 'Utbildning', nameEn: null, descriptionEn: null }],
    };
    const tables = ['organisations', 'areas', 'target_groups', 'product_types', 'outbox'];
    const before = await testbed.counts(...tables);
    await expect(seed(broken)).rejects.toThrow(/foreign key/);
    expect(await testbed.counts(...tables)).toEqual(before);
  });
});
