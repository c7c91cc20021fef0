import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ServiceTestbed } from '@styrkedjan/testing';
import { needsDatabase } from '../needs.database';
import { NeedsFirst1764748800100 } from './1764748800100-needs-first';

/** Needs registered before the vocabulary, migrated: a free text that names a target group becomes its code. */
describe('needs-first migration (integration)', () => {
  let testbed: ServiceTestbed;
  const before = {
    ...needsDatabase,
    migrations: (needsDatabase.migrations as unknown[]).filter(
      (m) => m !== NeedsFirst1764748800100,
    ) as (typeof NeedsFirst1764748800100)[],
  };

  beforeAll(async () => {
    testbed = await ServiceTestbed.start({ service: 'needs', database: before });
  });

  afterAll(async () => {
    await testbed?.stop();
  });

  it('maps names (Swedish or English, any case, trimmed) to codes, keeps other text as the note, renames stages', async () => {
    const rows: [string, string, string][] = [
      [randomUUID(), 'Äldre', 'identified'],
      [randomUUID(), '  older PEOPLE ', 'addressed_by_draft'],
      [randomUUID(), 'anhöriga och närstående', 'addressed'],
      [randomUUID(), 'Lärare i grundskolan', 'identified'],
      [randomUUID(), ' ', 'identified'],
    ];
    for (const [id, targetGroup, stage] of rows) {
      await testbed.db.query(
        `INSERT INTO needs (id, organisation_id, title, description, area_code, sector, target_group, stage, identified_at, version)
         VALUES ($1, $2, 'Behov', '', 'health.primary-care', 'health', $3, $4, now(), 1)`,
        [id, randomUUID(), targetGroup, stage],
      );
    }
    const runner = testbed.get(DataSource).createQueryRunner();
    await new NeedsFirst1764748800100().up(runner);
    await runner.release();

    const { rows: migrated } = await testbed.db.query(
      'SELECT id, target_groups, note, stage, last_transition_at = identified_at AS since FROM needs',
    );
    const byId = new Map(migrated.map((row) => [row.id, row]));
    expect(rows.map(([id]) => byId.get(id))).toEqual([
      { id: rows[0][0], target_groups: ['older-people'], note: null, stage: 'identified', since: true },
      { id: rows[1][0], target_groups: ['older-people'], note: null, stage: 'being-addressed', since: true },
      { id: rows[2][0], target_groups: ['relatives'], note: null, stage: 'answered', since: true },
      { id: rows[3][0], target_groups: [], note: 'Lärare i grundskolan', stage: 'identified', since: true },
      { id: rows[4][0], target_groups: [], note: null, stage: 'identified', since: true },
    ]);
    const supporters = await testbed.db.query(
      "SELECT count(*)::int AS n FROM need_supporters WHERE role = 'submitter'",
    );
    expect(supporters.rows[0].n).toBe(5);
    const timeline = await testbed.db.query(
      "SELECT count(*)::int AS n FROM need_transitions WHERE type = 'need.identified'",
    );
    expect(timeline.rows[0].n).toBe(5);
    const groups = await testbed.db.query('SELECT count(*)::int AS n FROM known_target_groups');
    expect(groups.rows[0].n).toBe(25);
  });
});
