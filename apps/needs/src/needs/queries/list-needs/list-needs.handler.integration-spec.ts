import { randomUUID } from 'node:crypto';
import { actingAs, refusalOf } from '@styrkedjan/testing';
import { EndorseNeedCommand } from '../../commands/endorse-need/endorse-need.command';
import { IdentifyNeedCommand } from '../../commands/identify-need/identify-need.command';
import { TriageNeedCommand } from '../../commands/triage-need/triage-need.command';
import { NeedsTestbed } from '../../needs.testbed';
import type { NeedFilter } from '../../persistence/needs.repository';
import { ListNeedsQuery } from './list-needs.query';

describe('list needs (integration)', () => {
  let needs: NeedsTestbed;
  let skane: string;
  let malmo: string;
  let stockholm: string;
  let patients: string;
  let agency: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    needs = await NeedsTestbed.start();
    skane = await needs.organisation('region');
    malmo = await needs.organisation('municipality', skane);
    stockholm = await needs.organisation('municipality', await needs.organisation('region'));
    patients = await needs.organisation('patient_organisation');
    agency = await needs.organisation('agency');
    const identify = async (name: string, targetGroups: string[]) =>
      (ids[name] = (
        await needs.testbed.execute(
          new IdentifyNeedCommand(actingAs(stockholm, 'municipality'), name, '', 'health.primary-care', targetGroups),
        )
      ).id);
    const endorse = (name: string, organisationId: string, kind: 'municipality' | 'patient_organisation') =>
      needs.testbed.execute(new EndorseNeedCommand(actingAs(organisationId, kind), ids[name], null, null));
    await identify('old', ['older-people']);
    await identify('popular', ['older-people', 'relatives']);
    await identify('quiet', ['pupils']);
    await endorse('popular', malmo, 'municipality');
    await endorse('popular', patients, 'patient_organisation');
    await endorse('quiet', patients, 'patient_organisation');
    await needs.testbed.execute(
      new TriageNeedCommand(actingAs(randomUUID(), 'association'), ids.quiet, 2, {
        decision: 'accepted',
        rationale: 'Ja',
        leadAgencyId: agency,
      }),
    );
    // The oldest need has had no transition for 90 days, the popular one for 70.
    await needs.testbed.db.query("UPDATE needs SET last_transition_at = now() - interval '70 days' WHERE id = $1", [
      ids.popular,
    ]);
    await needs.testbed.db.query(
      "UPDATE needs SET last_transition_at = now() - interval '90 days', identified_at = now() - interval '90 days' WHERE id = $1",
      [ids.old],
    );
  });

  afterAll(async () => {
    await needs?.stop();
  });

  const list = async (filter: Partial<NeedFilter>) =>
    (await needs.query(new ListNeedsQuery({ limit: 50, ...filter }))).items.map((n) => n.title);

  it('filters by the county and kind of those behind a need, by target group, stage and lead agency', async () => {
    expect(await list({ county: skane })).toEqual(['popular']);
    expect(await list({ kind: 'patient_organisation' })).toEqual(['quiet', 'popular']);
    expect(await list({ targetGroup: 'relatives' })).toEqual(['popular']);
    expect(await list({ stage: 'accepted' })).toEqual(['quiet']);
    expect(await list({ assignedTo: agency })).toEqual(['quiet']);
    expect(await list({ assignedTo: malmo })).toEqual([]);
  });

  it('sorts by endorsements, most first, and pages through them', async () => {
    expect(await list({ sort: 'endorsements' })).toEqual(['popular', 'quiet', 'old']);
    const first = await needs.query(new ListNeedsQuery({ limit: 2, sort: 'endorsements' }));
    expect(first.items.map((n) => n.title)).toEqual(['popular', 'quiet']);
    const second = await needs.query(new ListNeedsQuery({ limit: 2, sort: 'endorsements', cursor: first.nextCursor! }));
    expect(second.items.map((n) => n.title)).toEqual(['old']);
    expect(second.nextCursor).toBeNull();
  });

  it('lists stale needs, oldest transition first, and refuses a cursor of another order', async () => {
    expect(await list({ stale: 'P60D' })).toEqual(['old', 'popular']);
    expect(await list({ stale: 'P2M' })).toEqual(['old', 'popular']);
    expect(await list({ stale: 'P11W' })).toEqual(['old']);
    expect(await list({ stale: 'P100D' })).toEqual([]);
    const page = await needs.query(new ListNeedsQuery({ limit: 1, sort: 'endorsements' }));
    expect(await refusalOf(needs.query(new ListNeedsQuery({ limit: 1, cursor: page.nextCursor! })))).toMatchObject({
      status: 400,
      errors: [{ field: 'cursor' }],
    });
  });
});
