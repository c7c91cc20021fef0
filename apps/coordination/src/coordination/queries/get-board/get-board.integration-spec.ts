import { randomUUID } from 'node:crypto';
import type { PayloadOf } from '@styrkedjan/contracts';
import { Page } from '@styrkedjan/platform';
import { actingAs, refusalOf } from '@styrkedjan/testing';
import { OVERLAP_PAIRS } from '../../../../test/overlap-pairs.fixture';
import { ResolveOverlapCommand } from '../../commands/resolve-overlap/resolve-overlap.command';
import { CoordinationTestbed } from '../../coordination.testbed';
import { boardCsv } from '../../views/board-csv';
import { BoardView, OpenOverlapRow } from '../../views/board.view';
import { GetBoardQuery } from './get-board.query';

/** The coordination board against real PostgreSQL: what is open with its age, contested needs, counts, resolutions. */
describe('coordination board (integration)', () => {
  let coordination: CoordinationTestbed;
  const [first, second, third] = [randomUUID(), randomUUID(), randomUUID()];
  const needId = randomUUID();
  const supports = { a: randomUUID(), b: randomUUID(), c: randomUUID(), d: randomUUID() };

  const draft = (
    supportId: string,
    leadAgencyId: string,
    [title, summary]: [string, string],
    answers: string[] = [],
  ): PayloadOf<'support.updated'> => ({
    supportId,
    leadAgencyId,
    coProducerIds: [],
    title,
    summary,
    areaCode: 'social.older-care',
    sector: 'social',
    productType: null,
    targetGroups: [],
    audience: { organisationKinds: ['municipality'], sectors: ['social'], professions: [] },
    answersNeeds: answers.map((id) => ({ needId: id, organisationId: randomUUID() })),
    plannedReleaseDate: null,
    edition: '1.0',
    changed: ['title'],
    updatedAt: new Date().toISOString(),
  });

  beforeAll(async () => {
    coordination = await CoordinationTestbed.start();
    const deliver = (payload: PayloadOf<'support.updated'>) =>
      coordination.deliver('support.updated', { type: 'support', id: payload.supportId, version: 1 }, payload);
    const [falls, fallPrevention, meals, nutrition] = OVERLAP_PAIRS.filter((pair) => pair.overlap)
      .slice(1, 3)
      .flatMap((pair) => [pair.a, pair.b])
      .map((support): [string, string] => [support.title, support.summary]);
    await deliver(draft(supports.a, first, falls, [needId]));
    await deliver(draft(supports.b, second, fallPrevention, [needId]));
    await deliver(draft(supports.c, third, meals));
    await deliver(draft(supports.d, first, nutrition));
  });

  afterAll(async () => {
    await coordination?.stop();
  });

  const board = (filter: Partial<ConstructorParameters<typeof GetBoardQuery>[0]> = {}, list?: 'open-overlaps') =>
    coordination.query(new GetBoardQuery({ limit: 50, now: new Date(Date.now() + 3 * 86_400_000), ...filter }, list));

  it('lists open overlaps with their age, contested needs and supports per area and agency', async () => {
    const view = (await board()) as BoardView;
    expect(view['open-overlaps'].items.map((item) => [item.supportId, item.otherSupportId, item.ageDays])).toEqual([
      [supports.b, supports.a, 3],
      [supports.d, supports.c, 3],
    ]);
    expect(view['contested-needs'].items).toEqual([
      { needId, assignedTo: null, agencyIds: [first, second].sort(), supportIds: [supports.a, supports.b].sort() },
    ]);
    expect(view['supports-by-area'].items).toEqual(
      expect.arrayContaining([{ areaCode: 'social.older-care', leadAgencyId: first, drafts: 2, published: 0 }]),
    );
    expect(view['recently-resolved'].items).toEqual([]);
  });

  it('narrows to an agency, pages a list, and shows a resolution with its rationale', async () => {
    const mine = (await board({ agencyId: third })) as BoardView;
    expect(mine['open-overlaps'].items.map((item) => item.otherSupportId)).toEqual([supports.c]);
    const page = (await board({ limit: 1 }, 'open-overlaps')) as Page<OpenOverlapRow>;
    expect(page.items).toHaveLength(1);
    const next = (await board({ limit: 1, cursor: page.nextCursor! }, 'open-overlaps')) as Page<OpenOverlapRow>;
    expect(next.items.map((item) => item.supportId)).toEqual([supports.d]);
    expect(next.nextCursor).toBeNull();

    await coordination.testbed.execute(
      new ResolveOverlapCommand(actingAs(third, 'agency'), next.items[0].overlapId, 'distinct', 'Olika frågor', null),
    );
    const after = (await board()) as BoardView;
    expect(after['recently-resolved'].items).toEqual([
      expect.objectContaining({
        overlapId: next.items[0].overlapId,
        resolution: 'distinct',
        rationale: 'Olika frågor',
      }),
    ]);
    expect(after['open-overlaps'].items).toHaveLength(1);
  });

  it('exports a list as CSV, and refuses a cursor without its list', async () => {
    const csv = boardCsv('open-overlaps', (await board({}, 'open-overlaps')) as Page<object>);
    expect(boardCsv('open-collisions', { items: [], nextCursor: null })).toBe(
      'collisionId,audience,from,to,supportCount,supportIds,leadAgencyIds,detectedAt,ageDays\n',
    );
    const [header, ...lines] = csv.trim().split('\n');
    expect(header.split(',')).toEqual(expect.arrayContaining(['overlapId', 'supportTitle', 'ageDays']));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(OVERLAP_PAIRS.filter((pair) => pair.overlap)[1].b.title);
    expect(await refusalOf(board({ cursor: 'abc' }))).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ field: 'cursor' })],
    });
  });
});
