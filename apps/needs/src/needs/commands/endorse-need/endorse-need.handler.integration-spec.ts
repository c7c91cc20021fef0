import { randomUUID } from 'node:crypto';
import { actingAs, refusalOf } from '@styrkedjan/testing';
import { NeedsTestbed } from '../../needs.testbed';
import { IdentifyNeedCommand } from '../identify-need/identify-need.command';
import { TriageNeedCommand } from '../triage-need/triage-need.command';
import { WithdrawEndorsementCommand } from '../withdraw-endorsement/withdraw-endorsement.command';
import { EndorseNeedCommand } from './endorse-need.command';

describe('endorse a need, and withdraw the endorsement (integration)', () => {
  let needs: NeedsTestbed;
  let skane: string; // a region, its own county
  let malmo: string; // a municipality in Skåne
  let lund: string; // another
  let stockholm: string; // the submitter, in another county
  let slf: string; // a profession, no county
  const steering = actingAs(randomUUID(), 'association');

  beforeAll(async () => {
    needs = await NeedsTestbed.start();
    skane = await needs.organisation('region');
    malmo = await needs.organisation('municipality', skane);
    lund = await needs.organisation('municipality', skane);
    stockholm = await needs.organisation('municipality', await needs.organisation('region'));
    slf = await needs.organisation('profession');
  });

  afterAll(async () => {
    await needs?.stop();
  });

  const identify = () =>
    needs.testbed.execute(
      new IdentifyNeedCommand(actingAs(stockholm, 'municipality'), 'Depression hos äldre', '', 'health.primary-care', [
        'older-people',
      ]),
    );
  const endorse = (
    needId: string,
    organisationId: string,
    kind: 'municipality' | 'region' | 'profession' = 'municipality',
  ) =>
    needs.testbed.execute(
      new EndorseNeedCommand(actingAs(organisationId, kind), needId, 'Vi har samma behov', 'Tre vårdcentraler'),
    );

  it('records the endorsement and need.endorsed, and shows counts by organisation kind and by county', async () => {
    const need = await identify();
    await endorse(need.id, malmo);
    await endorse(need.id, lund);
    await endorse(need.id, skane, 'region');
    const view = await endorse(need.id, slf, 'profession');

    expect(view).toMatchObject({
      version: 5,
      endorsements: {
        count: 4,
        byKind: { municipality: 2, region: 1, profession: 1 },
        byCounty: [{ countyId: skane, name: expect.stringContaining('region'), count: 3 }],
      },
    });
    expect(view.endorsements.items[0]).toEqual({
      organisationId: malmo,
      comment: 'Vi har samma behov',
      localContext: 'Tre vårdcentraler',
      endorsedAt: expect.any(String),
    });
    const { rows } = await needs.testbed.db.query(
      "SELECT organisation_id FROM need_supporters WHERE need_id = $1 AND role = 'endorser' ORDER BY joined_at",
      [need.id],
    );
    expect(rows.map((r) => r.organisation_id)).toEqual([malmo, lund, skane, slf]);
    const endorsed = (await needs.eventsOf(need.id)).filter((e) => e.type === 'need.endorsed');
    expect(endorsed[0]).toMatchObject({
      aggregate: { type: 'need', id: need.id, version: 2 },
      actor: { organisationId: malmo },
      payload: {
        needId: need.id,
        organisationId: malmo,
        comment: 'Vi har samma behov',
        localContext: 'Tre vårdcentraler',
        reopensReview: false,
        stage: 'identified',
      },
    });
    expect(endorsed).toHaveLength(4);
  });

  it('refuses a second endorsement and one of the own need with 409, leaving no row and no event', async () => {
    const need = await identify();
    await endorse(need.id, malmo);
    const before = await needs.counts();
    expect(await refusalOf(endorse(need.id, malmo))).toMatchObject({ status: 409, code: 'already_endorsed' });
    expect(await refusalOf(endorse(need.id, stockholm))).toMatchObject({ status: 409, code: 'own_need' });
    expect(await refusalOf(endorse(randomUUID(), malmo))).toMatchObject({ status: 404 });
    expect(await needs.counts()).toEqual(before);
  });

  it('flags a declined need for review again when it gets a new endorsement', async () => {
    const need = await identify();
    const declined = await needs.testbed.execute(
      new TriageNeedCommand(steering, need.id, need.version, {
        decision: 'declined',
        rationale: 'Ett lokalt behov',
        declineReason: 'purely-local',
      }),
    );
    expect(declined.stage).toBe('declined');
    const view = await endorse(need.id, lund);
    expect(view).toMatchObject({ stage: 'under-review', flaggedForReview: true });
    const last = (await needs.eventsOf(need.id)).at(-1)!;
    expect(last).toMatchObject({ type: 'need.endorsed', payload: { reopensReview: true, stage: 'under-review' } });
  });

  it("withdraws the caller's own endorsement with need.endorsement-withdrawn; one not given is 404", async () => {
    const need = await identify();
    await endorse(need.id, malmo);
    const view = await needs.testbed.execute(new WithdrawEndorsementCommand(actingAs(malmo, 'municipality'), need.id));
    expect(view.endorsements.count).toBe(0);
    expect((await needs.eventsOf(need.id)).at(-1)).toMatchObject({
      type: 'need.endorsement-withdrawn',
      aggregate: { version: 3 },
      payload: { needId: need.id, organisationId: malmo, stage: 'identified' },
    });
    const before = await needs.counts();
    expect(
      await refusalOf(needs.testbed.execute(new WithdrawEndorsementCommand(actingAs(lund, 'municipality'), need.id))),
    ).toMatchObject({ status: 404 });
    expect(await needs.counts()).toEqual(before);
  });
});
