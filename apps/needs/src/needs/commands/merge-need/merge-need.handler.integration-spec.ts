import { randomUUID } from 'node:crypto';
import { actingAs, refusalOf } from '@styrkedjan/testing';
import { NeedsTestbed } from '../../needs.testbed';
import { GetNeedQuery } from '../../queries/get-need/get-need.query';
import { GetNeedTimelineQuery } from '../../queries/get-need-timeline/get-need-timeline.query';
import { EndorseNeedCommand } from '../endorse-need/endorse-need.command';
import { IdentifyNeedCommand } from '../identify-need/identify-need.command';
import { MergeNeedCommand } from './merge-need.command';

describe('merge a duplicate need (integration)', () => {
  let needs: NeedsTestbed;
  const stockholm = randomUUID();
  const malmo = randomUUID();
  const lund = randomUUID();
  const skr = randomUUID();
  const steering = () => actingAs(skr, 'association');

  beforeAll(async () => {
    needs = await NeedsTestbed.start();
  });

  afterAll(async () => {
    await needs?.stop();
  });

  const identify = (organisationId: string) =>
    needs.testbed.execute(
      new IdentifyNeedCommand(
        actingAs(organisationId, 'municipality'),
        'Depression hos äldre',
        '',
        'health.primary-care',
        ['older-people'],
      ),
    );
  const endorse = (needId: string, organisationId: string) =>
    needs.testbed.execute(new EndorseNeedCommand(actingAs(organisationId, 'municipality'), needId, null, null));
  const merge = (needId: string, intoNeedId: string, rationale = 'Samma behov') =>
    needs.testbed.execute(new MergeNeedCommand(steering(), needId, intoNeedId, rationale));

  it('moves submitter and endorsers to the survivor with need.merged; the merged need says where it went', async () => {
    const survivor = await identify(stockholm);
    const duplicate = await identify(malmo);
    await endorse(duplicate.id, lund);
    await endorse(duplicate.id, stockholm); // already the survivor's submitter: stays as that

    const merged = await merge(duplicate.id, survivor.id);
    expect(merged).toMatchObject({
      id: duplicate.id,
      stage: 'merged',
      mergedInto: survivor.id,
      endorsements: { count: 0 },
    });
    const after = await needs.query(new GetNeedQuery(survivor.id));
    expect(after).toMatchObject({
      version: 2,
      submitters: [
        { organisationId: stockholm, mergedFrom: null },
        { organisationId: malmo, mergedFrom: duplicate.id },
      ],
      endorsements: { count: 1, items: [expect.objectContaining({ organisationId: lund })] },
    });
    expect((await needs.eventsOf(duplicate.id)).at(-1)).toMatchObject({
      type: 'need.merged',
      aggregate: { version: 4 },
      payload: {
        needId: duplicate.id,
        intoNeedId: survivor.id,
        rationale: 'Samma behov',
        movedOrganisationIds: [malmo, lund],
        stage: 'merged',
        stakeholders: [
          { organisationId: stockholm, role: 'submitter' },
          { organisationId: malmo, role: 'submitter' },
          { organisationId: lund, role: 'endorser' },
        ],
      },
    });
    const timeline = await needs.query(new GetNeedTimelineQuery(survivor.id));
    expect(timeline.items.at(-1)).toMatchObject({
      version: 2,
      type: 'need.merged',
      rationale: 'Samma behov',
      details: { mergedNeedId: duplicate.id },
    });
  });

  it('refuses merging into itself, a merged need again, or into a merged need, with 409 and nothing written', async () => {
    const a = await identify(stockholm);
    const b = await identify(malmo);
    const c = await identify(lund);
    await merge(a.id, b.id);
    const before = await needs.counts();
    expect(await refusalOf(merge(c.id, c.id))).toMatchObject({ status: 409, code: 'merge_into_itself' });
    expect(await refusalOf(merge(a.id, c.id))).toMatchObject({ status: 409, code: 'already_merged' });
    expect(await refusalOf(merge(c.id, a.id))).toMatchObject({ status: 409, code: 'merged_target' });
    expect(await refusalOf(merge(c.id, randomUUID()))).toMatchObject({
      status: 422,
      errors: [{ field: 'intoNeedId' }],
    });
    expect(await refusalOf(merge(c.id, b.id, '  '))).toMatchObject({ status: 400, errors: [{ field: 'rationale' }] });
    expect(await needs.counts()).toEqual(before);
  });
});
