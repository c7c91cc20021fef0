import { randomUUID } from 'node:crypto';
import { actingAs, refusalOf, ServiceTestbed } from '@styrkedjan/testing';
import { KNOWN, startSupportsTestbed } from '../../supports.testbed';
import { DraftSupportCommand } from './draft-support.command';

/** That only agencies draft is the access policy's rule, refused at the gateway; the handler checks what a draft names. */
describe('draft support (integration)', () => {
  let testbed: ServiceTestbed;
  const { area: AREA, socialstyrelsen, folkhalsomyndigheten } = KNOWN;
  const [{ needId: need1, organisationId: stockholm }, { needId: need2, organisationId: malmo }] = KNOWN.needs;

  beforeAll(async () => {
    testbed = await startSupportsTestbed();
  });

  afterAll(async () => {
    await testbed?.stop();
  });

  interface Draft {
    areaCode?: string;
    needIds?: string[];
    coProducerIds?: string[];
    plannedReleaseDate?: string | null;
    productType?: string | null;
    targetGroups?: string[];
  }

  const AUDIENCE = { organisationKinds: ['region' as const], sectors: ['health' as const], professions: ['psykolog'] };

  const draft = (draft: Draft = {}, context = actingAs(socialstyrelsen, 'agency')) =>
    testbed.execute(
      new DraftSupportCommand(
        context,
        'Stöd vid depression',
        'Sammanfattning',
        draft.areaCode ?? AREA.code,
        draft.needIds ?? [need1, need2],
        draft.coProducerIds ?? [folkhalsomyndigheten],
        draft.plannedReleaseDate === undefined ? '2026-09-01' : draft.plannedReleaseDate,
        {
          productType: draft.productType === undefined ? 'guideline' : draft.productType,
          targetGroups: draft.targetGroups ?? ['people-with-mental-illness', 'relatives'],
          audience: AUDIENCE,
        },
      ),
    );

  it('stores the draft led by the acting agency and announces it with support.drafted v2, its audience and the needs it answers', async () => {
    const context = actingAs(socialstyrelsen.toUpperCase(), 'agency');
    const support = await draft({ needIds: [need2.toUpperCase(), need1] }, context);

    expect(support).toEqual({
      id: expect.any(String),
      title: 'Stöd vid depression',
      summary: 'Sammanfattning',
      areaCode: AREA.code,
      sector: 'health',
      productType: 'guideline',
      targetGroups: ['people-with-mental-illness', 'relatives'],
      audience: AUDIENCE,
      leadAgencyId: socialstyrelsen,
      coProducerIds: [folkhalsomyndigheten],
      needIds: [need2, need1],
      status: 'draft',
      edition: '1.0',
      inForceEdition: null,
      revision: null,
      withdrawal: null,
      plannedReleaseDate: '2026-09-01',
      draftedAt: expect.any(String),
      publishedAt: null,
      version: 1,
    });
    const { rows } = await testbed.db.query(
      `SELECT lead_agency_id, co_producer_ids, need_ids, status, to_char(planned_release_date, 'YYYY-MM-DD') AS planned,
              published_at, version FROM supports WHERE id = $1`,
      [support.id],
    );
    expect(rows).toEqual([
      {
        lead_agency_id: socialstyrelsen,
        co_producer_ids: [folkhalsomyndigheten],
        need_ids: [need2, need1],
        status: 'draft',
        planned: '2026-09-01',
        published_at: null,
        version: 1,
      },
    ]);
    expect(await testbed.outbox()).toEqual([
      {
        type: 'support.drafted',
        published: false,
        envelope: expect.objectContaining({
          type: 'support.drafted',
          version: 2,
          producer: 'supports',
          correlationId: context.correlationId,
          aggregate: { type: 'support', id: support.id, version: 1 },
          payload: {
            supportId: support.id,
            leadAgencyId: socialstyrelsen,
            coProducerIds: [folkhalsomyndigheten],
            title: 'Stöd vid depression',
            summary: 'Sammanfattning',
            areaCode: AREA.code,
            sector: 'health',
            productType: 'guideline',
            targetGroups: ['people-with-mental-illness', 'relatives'],
            audience: AUDIENCE,
            answersNeeds: [
              { needId: need2, organisationId: malmo },
              { needId: need1, organisationId: stockholm },
            ],
            plannedReleaseDate: '2026-09-01',
            edition: '1.0',
            draftedAt: support.draftedAt,
          },
        }),
      },
    ]);
  });

  it.each<[string, Draft, string]>([
    ['an unknown area', { areaCode: 'health.no-such-area' }, 'areaCode'],
    ['an unknown co-producer', { coProducerIds: [randomUUID()] }, 'coProducerIds[0]'],
    ['an unknown need', { needIds: [need1, randomUUID()] }, 'needIds[1]'],
    ['a need named twice', { needIds: [need1, need1.toUpperCase()] }, 'needIds[1]'],
    ['the lead agency as its own co-producer', { coProducerIds: [socialstyrelsen] }, 'coProducerIds[0]'],
    ['an unknown product type', { productType: 'poster' }, 'productType'],
    ['an unknown target group', { targetGroups: ['older-people', 'astronauts'] }, 'targetGroups[1]'],
    ['a target group named twice', { targetGroups: ['older-people', 'older-people'] }, 'targetGroups[1]'],
  ])('refuses %s with a 400 naming the field, and writes nothing', async (_, refused, field) => {
    const before = await testbed.counts('supports', 'support_history');
    expect(await refusalOf(draft(refused))).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ field })],
    });
    expect(await testbed.counts('supports', 'support_history')).toEqual(before);
  });

  it('takes a draft without product type, target groups or audience, as drafts before them were', async () => {
    const support = await testbed.execute(
      new DraftSupportCommand(actingAs(socialstyrelsen, 'agency'), 'Utkast', '', AREA.code, [], [], null),
    );
    expect(support).toMatchObject({
      productType: null,
      targetGroups: [],
      audience: { organisationKinds: [], sectors: [], professions: [] },
    });
  });

  it('answers a retried request with its first answer and drafts the support once', async () => {
    const retry = () => draft({ plannedReleaseDate: null }, actingAs(socialstyrelsen, 'agency', { key: 'draft-once' }));
    const first = await retry();
    const before = await testbed.counts('supports');
    expect(await retry()).toEqual(first);
    expect(await testbed.counts('supports')).toEqual(before);
    expect((await testbed.outbox()).filter((row) => row.envelope.aggregate.id === first.id)).toHaveLength(1);
  });
});
