import { randomUUID } from 'node:crypto';
import type { PayloadOf } from '@styrkedjan/contracts';
import { refusalOf } from '@styrkedjan/testing';
import { CoordinationTestbed } from '../../coordination.testbed';
import { GetCalendarFeedQuery } from '../get-calendar-feed/get-calendar-feed.query';
import { CalendarView } from '../../views/calendar.view';
import { GetCalendarQuery } from './get-calendar.query';

/** The calendar and its collisions against real PostgreSQL, fed the supports service's events. */
describe('release calendar (integration)', () => {
  let coordination: CoordinationTestbed;
  const agencies = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const supports = agencies.map(() => randomUUID());
  const days = ['2027-03-01', '2027-03-08', '2027-03-10', '2027-03-17'];

  beforeAll(async () => {
    coordination = await CoordinationTestbed.start();
  });

  afterAll(async () => {
    await coordination?.stop();
  });

  const draft = (index: number): PayloadOf<'support.updated'> => ({
    supportId: supports[index],
    leadAgencyId: agencies[index],
    coProducerIds: [],
    title: `Stöd nummer ${index + 1} för socialtjänsten`,
    summary: '',
    areaCode: 'social.older-care',
    sector: 'social',
    productType: null,
    targetGroups: [],
    audience: { organisationKinds: ['municipality'], sectors: ['social'], professions: [] },
    answersNeeds: [],
    plannedReleaseDate: days[index],
    edition: '1.0',
    changed: ['plannedReleaseDate'],
    updatedAt: new Date().toISOString(),
  });

  const outboxOf = async (type: string) =>
    (await coordination.testbed.outbox()).filter((row) => row.type === type).map((row) => row.envelope.payload);

  it('records a collision when four supports reach one audience within four weeks, and clears it on a reschedule', async () => {
    for (const index of [0, 1, 2])
      await coordination.deliver('support.updated', { type: 'support', id: supports[index], version: 1 }, draft(index));
    expect(await outboxOf('coordination.collision-detected')).toEqual([]);

    await coordination.deliver('support.updated', { type: 'support', id: supports[3], version: 1 }, draft(3));
    const [detected] = await outboxOf('coordination.collision-detected');
    expect(detected).toMatchObject({
      audience: { key: 'municipality:social', organisationKind: 'municipality', sector: 'social', profession: null },
      window: { from: '2027-03-01', to: '2027-03-17', weeks: 4 },
      limit: 3,
      supportIds: supports,
      leadAgencyIds: [...agencies].sort(),
    });

    const calendar: CalendarView = await coordination.query(
      new GetCalendarQuery({ from: '2027-02-01', to: '2027-04-30', audienceKey: 'municipality:social' }),
    );
    expect(calendar.weeks.map((week) => [week.week, week.audiences[0].releases])).toEqual([
      ['2027-W09', 1],
      ['2027-W10', 2],
      ['2027-W11', 1],
    ]);
    expect(calendar.collisions).toEqual([expect.objectContaining({ supportIds: supports })]);
    const collisionId = calendar.collisions[0].id;
    expect(calendar.weeks.map((week) => week.audiences[0].collisionIds)).toEqual([
      [collisionId],
      [collisionId],
      [collisionId],
    ]);
    const feed: string = await coordination.query(
      new GetCalendarFeedQuery({ from: '2027-02-01', to: '2027-04-30', audienceKey: 'municipality:social' }),
    );
    expect(feed).toContain('BEGIN:VCALENDAR');
    expect(feed.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    expect(feed).toContain('DTSTART;VALUE=DATE:20270301');

    await coordination.deliver(
      'support.rescheduled',
      { type: 'support', id: supports[3], version: 2 },
      {
        supportId: supports[3],
        leadAgencyId: agencies[3],
        title: draft(3).title,
        areaCode: 'social.older-care',
        previousDate: days[3],
        plannedReleaseDate: '2027-05-03',
        reason: 'Samordnas med övriga utgivningar',
        rescheduledAt: new Date().toISOString(),
      },
    );
    expect(await outboxOf('coordination.collision-cleared')).toEqual([
      expect.objectContaining({ collisionId: (detected as { collisionId: string }).collisionId, supportIds: supports }),
    ]);
    const after: CalendarView = await coordination.query(
      new GetCalendarQuery({ from: '2027-02-01', to: '2027-05-31' }),
    );
    expect(after.collisions).toEqual([]);
    expect(after.weeks.at(-1)).toMatchObject({ week: '2027-W18', start: '2027-05-03' });
  });

  it('warns of releases to municipalities in July and around Christmas', async () => {
    const id = randomUUID();
    await coordination.deliver(
      'support.updated',
      { type: 'support', id, version: 1 },
      {
        ...draft(0),
        supportId: id,
        plannedReleaseDate: '2027-07-12',
      },
    );
    const calendar: CalendarView = await coordination.query(
      new GetCalendarQuery({ from: '2027-07-01', to: '2027-07-31' }),
    );
    expect(calendar.weeks[0].audiences[0].warnings).toEqual([
      expect.objectContaining({ code: 'summer-holiday', supportId: id, day: '2027-07-12' }),
    ]);
  });

  it.each<[string, ConstructorParameters<typeof GetCalendarQuery>[0], string]>([
    ['a range over two years', { from: '2027-01-01', to: '2029-01-02' }, 'to'],
    ['a range ending before it starts', { from: '2027-01-02', to: '2027-01-01' }, 'to'],
    ['an unknown audience', { from: '2027-01-01', to: '2027-12-31', audienceKey: 'wizards:magic' }, 'audience'],
  ])('refuses %s, naming the field', async (_, filter, field) => {
    expect(await refusalOf(coordination.query(new GetCalendarQuery(filter)))).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ field })],
    });
  });
});
