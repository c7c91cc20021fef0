import { randomUUID } from 'node:crypto';
import type { AnyEvent, PayloadOf } from '@styrkedjan/contracts';
import { ConsumerHost } from '@styrkedjan/messaging';
import { OVERLAP_PAIRS } from '../../../test/overlap-pairs.fixture';
import { CoordinationTestbed } from '../coordination.testbed';

const TABLES: [string, string][] = [
  ['supports', 'id'],
  ['calendar_entries', 'item_id, audience_key'],
  ['found_overlaps', 'id'],
  ['collisions', 'id'],
  ['consultations', 'id'],
];

/**
 * The coordination read model rebuilt from the same events, even in another order, equals the one kept live:
 * overlaps take their ids from the pair they are about, every time comes from an event and never from the clock.
 */
describe('coordination replay (integration)', () => {
  let live: CoordinationTestbed;
  let replayed: CoordinationTestbed;

  beforeAll(async () => {
    [live, replayed] = await Promise.all([CoordinationTestbed.start(), CoordinationTestbed.start()]);
  });

  afterAll(async () => {
    await Promise.all([live?.stop(), replayed?.stop()]);
  });

  const rows = async (testbed: CoordinationTestbed) => {
    const all: Record<string, unknown[]> = {};
    for (const [table, order] of TABLES)
      all[table] = (await testbed.testbed.db.query(`SELECT * FROM ${table} ORDER BY ${order}`)).rows;
    return all;
  };

  it('equals live when the same support and consultation events come again in another order', async () => {
    const agencies = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const events: AnyEvent[] = [];
    const [pair] = OVERLAP_PAIRS;
    const updated = (index: number, title: string, summary: string, day: string): PayloadOf<'support.updated'> => ({
      supportId: ids[index],
      leadAgencyId: agencies[index],
      coProducerIds: [],
      title,
      summary,
      areaCode: pair.areaCode,
      sector: 'social',
      productType: null,
      targetGroups: ['older-people'],
      audience: { organisationKinds: ['municipality'], sectors: ['social'], professions: [] },
      answersNeeds: [],
      plannedReleaseDate: day,
      edition: '1.0',
      changed: ['title'],
      updatedAt: new Date().toISOString(),
    });
    const ids = agencies.map(() => randomUUID());
    const drafts: [string, string, string][] = [
      [pair.a.title, pair.a.summary, '2027-03-01'],
      [pair.b.title, pair.b.summary, '2027-03-03'],
      [
        'Kompetensförsörjning i äldreomsorgen',
        'Hur kommuner planerar rekrytering och kompetensutveckling av undersköterskor i äldreomsorgen.',
        '2027-03-08',
      ],
      [
        'Biståndsbedömning av särskilt boende',
        'Stöd för handläggare vid beslut om särskilt boende enligt socialtjänstlagen.',
        '2027-03-10',
      ],
    ];
    for (const [index, [title, summary, day]] of drafts.entries())
      events.push(
        await live.deliver(
          'support.updated',
          { type: 'support', id: ids[index], version: 1 },
          updated(index, title, summary, day),
        ),
      );
    events.push(
      await live.deliver(
        'consultation.opened',
        { type: 'consultation', id: randomUUID(), version: 1 },
        {
          consultationId: randomUUID(),
          supportId: ids[0],
          supportTitle: pair.a.title,
          leadAgencyId: agencies[0],
          edition: '1.0',
          areaCode: pair.areaCode,
          consulteeIds: [randomUUID()],
          questions: [],
          sections: [],
          documentUrl: null,
          closesAt: '2027-02-15T22:59:59.000Z',
          openedAt: new Date().toISOString(),
        },
      ),
    );
    events.push(
      await live.deliver(
        'support.rescheduled',
        { type: 'support', id: ids[3], version: 2 },
        {
          supportId: ids[3],
          leadAgencyId: agencies[3],
          title: 'Biståndsbedömning av särskilt boende',
          areaCode: pair.areaCode,
          previousDate: '2027-03-10',
          plannedReleaseDate: '2027-06-01',
          reason: 'Samordnas',
          rescheduledAt: new Date().toISOString(),
        },
      ),
    );
    const kept = await rows(live);
    expect(kept.found_overlaps).toHaveLength(1);
    expect(kept.collisions).toEqual([expect.objectContaining({ status: 'cleared' })]);
    expect(kept.consultations).toHaveLength(1);

    // The same events again, the reschedule before the edit it follows and the round first: the same read model.
    const host = replayed.testbed.get(ConsumerHost);
    for (const event of [events[4], events[5], ...events.slice(0, 4)]) await host.process({ data: event });
    const rebuilt = await rows(replayed);
    expect(rebuilt.supports).toEqual(kept.supports);
    expect(rebuilt.calendar_entries).toEqual(kept.calendar_entries);
    expect(rebuilt.found_overlaps).toEqual(kept.found_overlaps);
    expect(rebuilt.consultations).toEqual(kept.consultations);
    // A collision is named after the event that first made it, and in another order it may never have been made
    // (the reschedule came first): what is open is the same.
    const about = (collisions: unknown[]) =>
      (collisions as Record<string, unknown>[])
        .filter((collision) => collision.status === 'open')
        .map(({ audience_key, window_from, window_to, support_ids, status }) => ({
          audience_key,
          window_from,
          window_to,
          support_ids,
          status,
        }));
    expect(about(rebuilt.collisions)).toEqual(about(kept.collisions));
  });
});
