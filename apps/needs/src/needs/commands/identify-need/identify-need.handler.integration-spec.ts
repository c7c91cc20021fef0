import { randomUUID } from 'node:crypto';
import { actingAs, refusalOf } from '@styrkedjan/testing';
import { AREA, NeedsTestbed, OTHER_AREA } from '../../needs.testbed';
import { IdentifyNeedCommand } from './identify-need.command';

/** Who may register a need is the access policy's rule, refused at the gateway; the handler checks the references. */
describe('identify need (integration)', () => {
  let needs: NeedsTestbed;
  const stockholm = randomUUID();

  beforeAll(async () => {
    needs = await NeedsTestbed.start();
  });

  afterAll(async () => {
    await needs?.stop();
  });

  const identify = (
    context = actingAs(stockholm, 'municipality'),
    {
      areaCode = AREA.code,
      title = 'Depression',
      description = 'Tidig upptäckt',
      targetGroups = ['older-people'],
      note = null as string | null,
    } = {},
  ) => needs.testbed.execute(new IdentifyNeedCommand(context, title, description, areaCode, targetGroups, note));

  it('answers many registrations at once that each find similar needs, more than the pool has connections', async () => {
    // Each registration looks up its similar needs after its commit; a lookup on a second connection while the
    // first still held the transaction's would leave every pooled connection waiting (the testbed's pool has 5).
    const title = `Samtidigt registrerade behov ${randomUUID()}`;
    await identify(undefined, { title });
    const answers = await Promise.all(Array.from({ length: 20 }, () => identify(undefined, { title })));
    expect(answers.every((answer) => answer.similar.length > 0)).toBe(true);
    const { rows } = await needs.testbed.db.query('SELECT count(*)::int AS n FROM needs WHERE title = $1', [title]);
    expect(rows).toEqual([{ n: 21 }]);
  }, 30_000);

  it('stores the need with its target groups and note, and announces it with need.identified v2', async () => {
    const context = actingAs(stockholm, 'municipality');
    const need = await identify(context, { targetGroups: ['older-people', 'relatives'], note: ' i ordinärt boende ' });

    expect(need).toMatchObject({
      id: expect.any(String),
      organisationId: stockholm,
      title: 'Depression',
      description: 'Tidig upptäckt',
      areaCode: AREA.code,
      sector: 'health',
      targetGroups: ['older-people', 'relatives'],
      note: 'i ordinärt boende',
      stage: 'identified',
      version: 1,
      triage: null,
      mergedInto: null,
      submitters: [{ organisationId: stockholm, mergedFrom: null }],
      endorsements: { count: 0, byKind: {}, byCounty: [], items: [] },
      addressedBy: [],
      similar: [],
    });
    const { rows } = await needs.testbed.db.query(
      'SELECT target_groups, note, stage, version, endorsement_count FROM needs WHERE id = $1',
      [need.id],
    );
    expect(rows).toEqual([
      {
        target_groups: ['older-people', 'relatives'],
        note: 'i ordinärt boende',
        stage: 'identified',
        version: 1,
        endorsement_count: 0,
      },
    ]);
    const supporters = await needs.testbed.db.query(
      'SELECT organisation_id, role FROM need_supporters WHERE need_id = $1',
      [need.id],
    );
    expect(supporters.rows).toEqual([{ organisation_id: stockholm, role: 'submitter' }]);
    expect(await needs.eventsOf(need.id)).toEqual([
      expect.objectContaining({
        type: 'need.identified',
        version: 2,
        producer: 'needs',
        actor: { organisationId: stockholm, userId: context.principal.userId, method: 'jwt' },
        correlationId: context.correlationId,
        aggregate: { type: 'need', id: need.id, version: 1 },
        payload: {
          needId: need.id,
          organisationId: stockholm,
          title: 'Depression',
          description: 'Tidig upptäckt',
          areaCode: AREA.code,
          sector: 'health',
          targetGroups: ['older-people', 'relatives'],
          note: 'i ordinärt boende',
          identifiedAt: need.identifiedAt,
        },
      }),
    ]);
    const timeline = await needs.testbed.db.query(
      'SELECT version, type, stage FROM need_transitions WHERE need_id = $1',
      [need.id],
    );
    expect(timeline.rows).toEqual([{ version: 1, type: 'need.identified', stage: 'identified' }]);
  });

  it('answers with similar open needs: same area or target group, and alike in text, with reasons', async () => {
    const first = await identify(undefined, {
      title: 'Tidig upptäckt av depression hos äldre',
      description: 'Primärvården saknar ett gemensamt arbetssätt för att upptäcka depression.',
    });
    const malmo = randomUUID();
    // Alike in text but neither in the area nor in a target group: not similar.
    await identify(actingAs(malmo, 'municipality'), {
      title: 'Depression hos elever',
      areaCode: OTHER_AREA.code,
      targetGroups: ['pupils'],
    });
    const second = await identify(actingAs(malmo, 'municipality'), {
      title: 'Upptäcka depression bland äldre i hemtjänsten',
      description: 'Hemtjänstens personal ser tecken på depression men vet inte vad de ska göra.',
      targetGroups: ['older-people', 'people-with-dementia'],
    });

    const titles = second.similar.map((s) => s.title);
    expect(titles).toContain(first.title);
    expect(titles).not.toContain('Depression hos elever');
    expect(second.similar.length).toBeLessThanOrEqual(5);
    const found = second.similar.find((s) => s.id === first.id)!;
    expect(found).toMatchObject({ organisationId: stockholm, stage: 'identified', endorsementCount: 0 });
    expect(found.score).toBeGreaterThan(0.5);
    expect(found.score).toBeLessThanOrEqual(1);
    expect(found.reasons).toEqual(
      expect.arrayContaining([
        'same area: Primärvård',
        'a target group in common: Äldre',
        expect.stringMatching(/^words in common \(Swedish stems\): .*depression/),
      ]),
    );
  });

  it('among more alike needs than it measures, finds the newest', async () => {
    const title = `Många lika behov ${randomUUID()}`;
    const original = await identify(undefined, { title });
    // Older copies, the oldest stored first: the order a scan of the table meets them in is not the one wanted.
    await needs.testbed.db.query(
      `INSERT INTO needs (id, organisation_id, title, description, area_code, sector, target_groups, note, stage,
                          identified_at, version, last_transition_at)
       SELECT gen_random_uuid(), organisation_id, title, description, area_code, sector, target_groups, note, stage,
              identified_at - make_interval(secs => g), version, last_transition_at
       FROM needs, generate_series(1, 150) g WHERE id = $1 ORDER BY g DESC`,
      [original.id],
    );
    const again = await identify(undefined, { title });
    const { rows } = await needs.testbed.db.query(
      'SELECT id FROM needs WHERE title = $1 AND id <> $2 ORDER BY identified_at DESC LIMIT 5',
      [title, again.id],
    );
    expect(again.similar.map((s) => s.id)).toEqual(rows.map((row: { id: string }) => row.id));
    expect(again.similar[0].id).toBe(original.id);
  });

  it('finds an alike need behind a thousand newer ones that are not alike', async () => {
    const title = `Sällsynt behov ${randomUUID()}`;
    const original = await identify(undefined, { title });
    await needs.testbed.db.query(
      `INSERT INTO needs (id, organisation_id, title, description, area_code, sector, target_groups, note, stage,
                          identified_at, version, last_transition_at)
       SELECT gen_random_uuid(), organisation_id, 'Annat ' || g, 'Något helt annat', area_code, sector,
              target_groups, note, stage, identified_at + make_interval(secs => g), version, last_transition_at
       FROM needs, generate_series(1, 1000) g WHERE id = $1`,
      [original.id],
    );
    const again = await identify(undefined, { title });
    expect(again.similar.map((s) => s.id)).toEqual([original.id]);
  });

  it('refuses an unknown target group naming its index, and writes nothing', async () => {
    const before = await needs.counts();
    expect(await refusalOf(identify(undefined, { targetGroups: ['older-people', 'martians'] }))).toMatchObject({
      status: 400,
      errors: [{ field: 'targetGroups[1]', message: "unknown target group 'martians'" }],
    });
    expect(await needs.counts()).toEqual(before);
  });

  it('learns target groups from the directory: a group defined later is accepted, an update renames it', async () => {
    expect(await refusalOf(identify(undefined, { targetGroups: ['carers-of-children'] }))).toMatchObject({
      status: 400,
    });
    await needs.deliver(
      'target-group.defined',
      { type: 'target-group', id: 'carers-of-children', version: 1 },
      { code: 'carers-of-children', name: 'Anhöriga till barn', nameEn: null, sectors: ['social'] },
    );
    await identify(undefined, { targetGroups: ['carers-of-children'] });
    const older = {
      code: 'older-people',
      name: 'Äldre personer',
      nameEn: 'Older people',
      sectors: ['health' as const],
    };
    await needs.deliver('target-group.updated', { type: 'target-group', id: 'older-people', version: 3 }, older);
    // A late, older version changes nothing.
    await needs.deliver(
      'target-group.updated',
      { type: 'target-group', id: 'older-people', version: 2 },
      {
        ...older,
        name: 'Gamla',
      },
    );
    const { rows } = await needs.testbed.db.query(
      "SELECT name, aggregate_version FROM known_target_groups WHERE code = 'older-people'",
    );
    expect(rows).toEqual([{ name: 'Äldre personer', aggregate_version: 3 }]);
    // The names are answered from memory, which the update made the service forget at once.
    const title = `Omdöpt målgrupp ${randomUUID()}`;
    await identify(undefined, { title });
    const renamed = await identify(undefined, { title });
    expect(renamed.similar[0].reasons).toContain('a target group in common: Äldre personer');
  });

  it('refuses an area the vocabulary does not have, naming areaCode, and writes nothing', async () => {
    const before = await needs.counts();
    expect(await refusalOf(identify(undefined, { areaCode: 'health.no-such-area' }))).toMatchObject({
      status: 400,
      errors: [{ field: 'areaCode', message: expect.stringContaining('health.no-such-area') }],
    });
    expect(await needs.counts()).toEqual(before);
  });

  it('answers a retried request with its first answer and registers the need once', async () => {
    const retry = () => identify(actingAs(stockholm, 'municipality', { key: 'identify-once' }), { title: 'En gång' });
    const first = await retry();
    const before = await needs.counts();
    expect(await retry()).toEqual(first);
    expect(await needs.counts()).toEqual(before);
    expect(await needs.eventsOf(first.id)).toHaveLength(1);
  });

  it('refuses an Idempotency-Key reused for another request, writing nothing', async () => {
    await identify(actingAs(stockholm, 'municipality', { key: 'reused' }), { title: 'Först' });
    const before = await needs.counts();
    const reused = identify(actingAs(stockholm, 'municipality', { key: 'reused', fingerprint: 'another body' }), {
      title: 'Sedan',
    });
    expect(await refusalOf(reused)).toMatchObject({ status: 422, errors: [{ field: 'Idempotency-Key' }] });
    expect(await needs.counts()).toEqual(before);
  });
});
