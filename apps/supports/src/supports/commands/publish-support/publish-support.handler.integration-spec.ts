import { randomUUID } from 'node:crypto';
import { toProblem } from '@styrkedjan/platform';
import { actingAs, refusalOf, ServiceTestbed } from '@styrkedjan/testing';
import { KNOWN, startSupportsTestbed } from '../../supports.testbed';
import { DraftSupportCommand } from '../draft-support/draft-support.command';
import { PublishSupportCommand } from './publish-support.command';

describe('publish support (integration)', () => {
  let testbed: ServiceTestbed;
  const { area: AREA, socialstyrelsen, folkhalsomyndigheten } = KNOWN;
  const [{ needId: need, organisationId: stockholm }] = KNOWN.needs;

  beforeAll(async () => {
    testbed = await startSupportsTestbed();
  });

  afterAll(async () => {
    await testbed?.stop();
  });

  /** A draft by Socialstyrelsen with Folkhälsomyndigheten as co-producer, answering one need. */
  async function drafted(): Promise<string> {
    const command = new DraftSupportCommand(
      actingAs(socialstyrelsen, 'agency'),
      'Stöd vid depression',
      '',
      AREA.code,
      [need],
      [folkhalsomyndigheten],
      null,
    );
    return (await testbed.execute(command)).id;
  }

  const publish = (supportId: string, context = actingAs(socialstyrelsen, 'agency')) =>
    testbed.execute(new PublishSupportCommand(context, supportId));

  const published = async (supportId: string) =>
    (await testbed.outbox()).filter(
      (row) => row.type === 'support.published' && row.envelope.aggregate.id === supportId,
    );

  async function stored(supportId: string) {
    const { rows } = await testbed.db.query('SELECT status, published_at, version FROM supports WHERE id = $1', [
      supportId,
    ]);
    return rows[0];
  }

  it('publishes the draft and announces it with support.published v2 (edition 1.0) at aggregate version 2', async () => {
    const supportId = await drafted();
    const context = actingAs(socialstyrelsen, 'agency');
    const support = await publish(supportId, context);

    expect(support).toMatchObject({ id: supportId, status: 'published', publishedAt: expect.any(String), version: 2 });
    expect(await stored(supportId)).toEqual({
      status: 'published',
      published_at: new Date(support.publishedAt!),
      version: 2,
    });
    expect(await published(supportId)).toEqual([
      {
        type: 'support.published',
        published: false,
        envelope: expect.objectContaining({
          version: 2,
          producer: 'supports',
          correlationId: context.correlationId,
          aggregate: { type: 'support', id: supportId, version: 2 },
          payload: {
            supportId,
            leadAgencyId: socialstyrelsen,
            coProducerIds: [folkhalsomyndigheten],
            title: 'Stöd vid depression',
            summary: '',
            areaCode: AREA.code,
            sector: 'health',
            productType: null,
            targetGroups: [],
            audience: { organisationKinds: [], sectors: [], professions: [] },
            answersNeeds: [{ needId: need, organisationId: stockholm }],
            edition: '1.0',
            publishedAt: support.publishedAt,
          },
        }),
      },
    ]);
  });

  it.each([
    ['a co-producer', folkhalsomyndigheten],
    ['another agency', randomUUID()],
  ])('refuses %s with a 403 and leaves the draft as it was', async (_, organisationId) => {
    const supportId = await drafted();
    const before = await testbed.counts('supports');
    expect(await refusalOf(publish(supportId, actingAs(organisationId, 'agency')))).toMatchObject({ status: 403 });
    expect(await stored(supportId)).toEqual({ status: 'draft', published_at: null, version: 1 });
    expect(await testbed.counts('supports')).toEqual(before);
  });

  it('refuses to publish twice with a 409 illegal_transition, announcing it once', async () => {
    const supportId = await drafted();
    const first = await publish(supportId);
    const before = await testbed.counts('supports');
    expect(await refusalOf(publish(supportId))).toMatchObject({ status: 409, code: 'illegal_transition' });
    expect(await stored(supportId)).toMatchObject({ published_at: new Date(first.publishedAt!), version: 2 });
    expect(await testbed.counts('supports')).toEqual(before);
  });

  it('lets one of two concurrent publishes through; the other waits for it and gets a 409', async () => {
    const supportId = await drafted();
    const outcomes = await Promise.allSettled([publish(supportId), publish(supportId)]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(toProblem(refused.reason)).toMatchObject({ status: 409, code: 'illegal_transition' });
    expect(await published(supportId)).toHaveLength(1);
  });

  it('refuses an unknown support with a 404, writing nothing', async () => {
    const before = await testbed.counts('supports');
    expect(await refusalOf(publish(randomUUID()))).toMatchObject({ status: 404 });
    expect(await testbed.counts('supports')).toEqual(before);
  });

  it('answers a retried publish with its first answer, not with a 409', async () => {
    const supportId = await drafted();
    const retry = () => publish(supportId, actingAs(socialstyrelsen, 'agency', { key: `publish-${supportId}` }));
    const first = await retry();
    expect(await retry()).toEqual(first);
    expect(await published(supportId)).toHaveLength(1);
  });
});
