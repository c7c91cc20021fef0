import { randomUUID } from 'node:crypto';
import type { PayloadOf } from '@styrkedjan/contracts';
import { actingAs, UNCLASSIFIED_DRAFT, UNCLASSIFIED_PUBLICATION } from '@styrkedjan/testing';
import { EndorseNeedCommand } from '../commands/endorse-need/endorse-need.command';
import { IdentifyNeedCommand } from '../commands/identify-need/identify-need.command';
import { NeedsTestbed } from '../needs.testbed';
import { GetNeedQuery } from '../queries/get-need/get-need.query';

/** support.drafted and support.published, as the supports service's relay delivers them. */
describe('supports addressing needs (integration)', () => {
  let needs: NeedsTestbed;
  const stockholm = randomUUID();
  const malmo = randomUUID();
  const socialstyrelsen = randomUUID();

  beforeAll(async () => {
    needs = await NeedsTestbed.start();
  });

  afterAll(async () => {
    await needs?.stop();
  });

  const drafted = (supportId: string, needIds: string[]): PayloadOf<'support.drafted'> => ({
    supportId,
    leadAgencyId: socialstyrelsen,
    coProducerIds: [],
    title: 'Vägledning om depression',
    summary: '',
    areaCode: 'health.primary-care',
    sector: 'health',
    answersNeeds: needIds.map((needId) => ({ needId, organisationId: stockholm })),
    plannedReleaseDate: null,
    draftedAt: new Date().toISOString(),
    ...UNCLASSIFIED_DRAFT,
  });
  const published = (supportId: string, needIds: string[]): PayloadOf<'support.published'> => ({
    supportId,
    leadAgencyId: socialstyrelsen,
    title: 'Vägledning om depression',
    areaCode: 'health.primary-care',
    sector: 'health',
    answersNeeds: needIds.map((needId) => ({ needId, organisationId: stockholm })),
    publishedAt: new Date().toISOString(),
    ...UNCLASSIFIED_PUBLICATION,
  });

  it('records need.addressed on a draft and need.answered on publication, each once, with the stakeholders', async () => {
    const need = await needs.testbed.execute(
      new IdentifyNeedCommand(actingAs(stockholm, 'municipality'), 'Depression', '', 'health.primary-care', [
        'older-people',
      ]),
    );
    await needs.testbed.execute(new EndorseNeedCommand(actingAs(malmo, 'municipality'), need.id, null, null));
    const supportId = randomUUID();
    const stakeholders = [
      { organisationId: stockholm, role: 'submitter' },
      { organisationId: malmo, role: 'endorser' },
    ];

    await needs.deliver(
      'support.drafted',
      { type: 'support', id: supportId, version: 1 },
      drafted(supportId, [need.id]),
    );
    // Delivered again (a redelivery with a new id is still the same draft): no news, no event.
    await needs.deliver(
      'support.drafted',
      { type: 'support', id: supportId, version: 1 },
      drafted(supportId, [need.id]),
    );
    expect(await needs.query(new GetNeedQuery(need.id))).toMatchObject({
      stage: 'being-addressed',
      version: 3,
      addressedBy: [{ supportId, status: 'draft' }],
    });
    await needs.deliver(
      'support.published',
      { type: 'support', id: supportId, version: 2 },
      published(supportId, [need.id]),
    );
    expect(await needs.query(new GetNeedQuery(need.id))).toMatchObject({ stage: 'answered', version: 4 });

    const events = (await needs.eventsOf(need.id)).filter(
      (e) => e.type === 'need.addressed' || e.type === 'need.answered',
    );
    expect(events).toEqual([
      expect.objectContaining({
        type: 'need.addressed',
        aggregate: { type: 'need', id: need.id, version: 3 },
        payload: expect.objectContaining({
          supportId,
          supportTitle: 'Vägledning om depression',
          leadAgencyId: socialstyrelsen,
          stage: 'being-addressed',
          stakeholders,
        }),
      }),
      expect.objectContaining({
        type: 'need.answered',
        aggregate: expect.objectContaining({ version: 4 }),
        payload: expect.objectContaining({ supportId, stage: 'answered', stakeholders }),
      }),
    ]);
  });

  it('keeps a need answered when its draft arrives after the publication, and records nothing for it', async () => {
    const need = await needs.testbed.execute(
      new IdentifyNeedCommand(actingAs(stockholm, 'municipality'), 'Sent utkast', '', 'health.primary-care', [
        'older-people',
      ]),
    );
    const supportId = randomUUID();
    await needs.deliver(
      'support.published',
      { type: 'support', id: supportId, version: 2 },
      published(supportId, [need.id]),
    );
    await needs.deliver(
      'support.drafted',
      { type: 'support', id: supportId, version: 1 },
      drafted(supportId, [need.id]),
    );
    expect(await needs.query(new GetNeedQuery(need.id))).toMatchObject({ stage: 'answered', version: 2 });
    expect((await needs.eventsOf(need.id)).map((e) => e.type)).toEqual(['need.identified', 'need.answered']);
    const { rows } = await needs.testbed.db.query('SELECT status FROM known_supports WHERE id = $1', [supportId]);
    expect(rows).toEqual([{ status: 'published' }]);
  });

  const withdrawn = (
    supportId: string,
    needIds: string[],
    replacedBySupportId: string | null,
  ): PayloadOf<'support.withdrawn'> => ({
    supportId,
    leadAgencyId: socialstyrelsen,
    title: 'Vägledning om depression',
    areaCode: 'health.primary-care',
    sector: 'health',
    answersNeeds: needIds.map((needId) => ({ needId, organisationId: stockholm })),
    reason: 'Ersatt av nationella riktlinjer',
    replacedBySupportId,
    edition: '1.0',
    withdrawnAt: new Date().toISOString(),
  });

  async function answeredBy(supportId: string, needIds: string[]): Promise<void> {
    await needs.deliver('support.drafted', { type: 'support', id: supportId, version: 1 }, drafted(supportId, needIds));
    await needs.deliver(
      'support.published',
      { type: 'support', id: supportId, version: 2 },
      published(supportId, needIds),
    );
  }

  const identified = (title: string) =>
    needs.testbed.execute(
      new IdentifyNeedCommand(actingAs(stockholm, 'municipality'), title, '', 'health.primary-care', ['older-people']),
    );

  it('reopens the needs a withdrawn support answered, once, unless its replacement answers them too', async () => {
    const alone = await identified('Bara det återkallade stödet');
    const replaced = await identified('Även ersättaren');
    const supportId = randomUUID();
    const replacement = randomUUID();
    await answeredBy(supportId, [alone.id, replaced.id]);
    await answeredBy(replacement, [replaced.id]);

    const event = withdrawn(supportId, [alone.id, replaced.id], replacement);
    await needs.deliver('support.withdrawn', { type: 'support', id: supportId, version: 3 }, event);
    // Delivered again with a new id: the link is already withdrawn, nothing more happens.
    await needs.deliver('support.withdrawn', { type: 'support', id: supportId, version: 3 }, event);

    expect(await needs.query(new GetNeedQuery(alone.id))).toMatchObject({ stage: 'accepted' });
    expect(await needs.query(new GetNeedQuery(replaced.id))).toMatchObject({ stage: 'answered' });
    const reopened = (await needs.eventsOf(alone.id)).filter((e) => e.type === 'need.reopened');
    expect(reopened).toEqual([
      expect.objectContaining({
        payload: expect.objectContaining({
          needId: alone.id,
          supportId,
          stage: 'accepted',
          reason: 'Ersatt av nationella riktlinjer',
          stakeholders: [{ organisationId: stockholm, role: 'submitter' }],
        }),
      }),
    ]);
    expect((await needs.eventsOf(replaced.id)).map((e) => e.type)).not.toContain('need.reopened');
    const { rows } = await needs.testbed.db.query(
      'SELECT withdrawn_at IS NOT NULL AS withdrawn FROM need_supports WHERE support_id = $1 ORDER BY need_id',
      [supportId],
    );
    expect(rows).toEqual([{ withdrawn: true }, { withdrawn: true }]);
  });
});
