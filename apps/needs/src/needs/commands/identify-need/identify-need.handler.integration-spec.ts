import { randomUUID } from 'node:crypto';
import { ReferenceDataModule } from '@styrkedjan/reference-data';
import { actingAs, refusalOf, ServiceTestbed } from '@styrkedjan/testing';
import { needsDatabase } from '../../../database/needs.database';
import { NeedsModule } from '../../needs.module';
import { IdentifyNeedCommand } from './identify-need.command';

/** Who may register a need is the access policy's rule, refused at the gateway; the handler checks the area. */
describe('identify need (integration)', () => {
  let testbed: ServiceTestbed;
  const stockholm = randomUUID();
  const AREA = { code: 'health.primary-care', sector: 'health' as const };

  beforeAll(async () => {
    testbed = await ServiceTestbed.start({
      service: 'needs',
      database: needsDatabase,
      imports: [ReferenceDataModule.forRoot({ areas: true }), NeedsModule],
    });
    await testbed.knowDirectory({ areas: [AREA] });
  });

  afterAll(async () => {
    await testbed?.stop();
  });

  const identify = (context = actingAs(stockholm, 'municipality'), areaCode = AREA.code, title = 'Depression') =>
    testbed.execute(new IdentifyNeedCommand(context, title, 'Tidig upptäckt', areaCode, 'Äldre'));

  it('stores the need and announces it with need.identified v1, in one transaction', async () => {
    const context = actingAs(stockholm, 'municipality');
    const need = await identify(context);

    expect(need).toEqual({
      id: expect.any(String),
      organisationId: stockholm,
      title: 'Depression',
      description: 'Tidig upptäckt',
      areaCode: AREA.code,
      sector: 'health',
      targetGroup: 'Äldre',
      stage: 'identified',
      identifiedAt: expect.any(String),
      addressedBy: [],
    });
    const { rows } = await testbed.db.query('SELECT * FROM needs WHERE id = $1', [need.id]);
    expect(rows).toEqual([
      {
        id: need.id,
        organisation_id: stockholm,
        title: 'Depression',
        description: 'Tidig upptäckt',
        area_code: AREA.code,
        sector: 'health',
        target_group: 'Äldre',
        stage: 'identified',
        identified_at: new Date(need.identifiedAt),
        version: 1,
      },
    ]);
    expect(await testbed.outbox()).toEqual([
      {
        type: 'need.identified',
        published: false,
        envelope: expect.objectContaining({
          type: 'need.identified',
          version: 1,
          producer: 'needs',
          actor: { organisationId: stockholm, userId: context.principal.userId, method: 'jwt' },
          correlationId: context.correlationId,
          aggregate: { type: 'need', id: need.id, version: 1 },
          payload: {
            needId: need.id,
            organisationId: stockholm,
            title: 'Depression',
            description: 'Tidig upptäckt',
            areaCode: AREA.code,
            sector: 'health',
            targetGroup: 'Äldre',
            identifiedAt: need.identifiedAt,
          },
        }),
      },
    ]);
  });

  it('refuses an area the vocabulary does not have, naming areaCode, and writes nothing', async () => {
    const before = await testbed.counts('needs');
    expect(await refusalOf(identify(undefined, 'health.no-such-area'))).toMatchObject({
      status: 400,
      errors: [{ field: 'areaCode', message: expect.stringContaining('health.no-such-area') }],
    });
    expect(await testbed.counts('needs')).toEqual(before);
  });

  it('answers a retried request with its first answer and registers the need once', async () => {
    const retry = () => identify(actingAs(stockholm, 'municipality', { key: 'identify-once' }), AREA.code, 'En gång');
    const first = await retry();
    const before = await testbed.counts('needs');
    expect(await retry()).toEqual(first);
    expect(await testbed.counts('needs')).toEqual(before);
    const events = (await testbed.outbox()).filter((row) => row.envelope.aggregate.id === first.id);
    expect(events).toHaveLength(1);
  });

  it('refuses an Idempotency-Key reused for another request, writing nothing', async () => {
    await identify(actingAs(stockholm, 'municipality', { key: 'reused' }), AREA.code, 'Först');
    const before = await testbed.counts('needs');
    const reused = identify(
      actingAs(stockholm, 'municipality', { key: 'reused', fingerprint: 'another body' }),
      AREA.code,
      'Sedan',
    );
    expect(await refusalOf(reused)).toMatchObject({ status: 422, errors: [{ field: 'Idempotency-Key' }] });
    expect(await testbed.counts('needs')).toEqual(before);
  });
});
