import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Audience, PayloadOf } from '@styrkedjan/contracts';
import { EMPTY_AUDIENCE } from '../../domain/audience';
import { actingAs, refusalOf } from '@styrkedjan/testing';
import { OVERLAP_PAIRS } from '../../../../test/overlap-pairs.fixture';
import { parseCoordinationConfig } from '../../../config/coordination.config';
import { CoordinationTestbed } from '../../coordination.testbed';
import { KnownSupportsRepository } from '../../persistence/known-supports.repository';
import { OverlapCandidatesRepository } from '../../persistence/overlap-candidates.repository';
import { ResolveOverlapCommand } from '../resolve-overlap/resolve-overlap.command';

const MUNICIPAL_SOCIAL: Audience = { organisationKinds: ['municipality'], sectors: ['social'], professions: [] };

/** Overlap scoring against real PostgreSQL (Swedish full-text search, pg_trgm), and resolving what it found. */
describe('overlaps (integration)', () => {
  let coordination: CoordinationTestbed;
  let version = 1;

  beforeAll(async () => {
    coordination = await CoordinationTestbed.start();
  });

  afterAll(async () => {
    await coordination?.stop();
  });

  const updated = (
    supportId: string,
    leadAgencyId: string,
    content: Partial<PayloadOf<'support.updated'>>,
  ): PayloadOf<'support.updated'> => ({
    supportId,
    leadAgencyId,
    coProducerIds: [],
    title: 'Stöd',
    summary: '',
    areaCode: 'social.older-care',
    sector: 'social',
    productType: null,
    targetGroups: [],
    audience: MUNICIPAL_SOCIAL,
    answersNeeds: [],
    plannedReleaseDate: null,
    edition: '1.0',
    changed: ['title'],
    updatedAt: new Date().toISOString(),
    ...content,
  });

  /** The overlap-detected events of one pair (the labelled set's supports stay in the table and match too). */
  const detectedBetween = async (supportId: string, otherSupportId: string) =>
    (await coordination.testbed.outbox()).filter(
      (row) =>
        row.type === 'coordination.overlap-detected' &&
        (row.envelope.payload as { supportId: string }).supportId === supportId &&
        (row.envelope.payload as { otherSupportId: string }).otherSupportId === otherSupportId,
    );

  it.each<[string, typeof EMPTY_AUDIENCE, string[]]>([
    ['drafts stating a shared audience and target group', MUNICIPAL_SOCIAL, ['older-people']],
    ['drafts stating a shared audience', MUNICIPAL_SOCIAL, []],
    ['drafts made before audiences existed (support.drafted v1)', EMPTY_AUDIENCE, []],
  ])(
    'tells overlapping pairs from pairs that merely share an area, %s: precision and recall of at least 0.8',
    async (condition, audience, targetGroups) => {
      const { OVERLAP_THRESHOLD: threshold } = parseCoordinationConfig({});
      const supports = coordination.testbed.get(KnownSupportsRepository);
      const candidates = coordination.testbed.get(OverlapCandidatesRepository);
      const { manager } = coordination.testbed.get(DataSource);
      const ids = OVERLAP_PAIRS.map(() => ({ a: randomUUID(), b: randomUUID() }));
      for (const [index, pair] of OVERLAP_PAIRS.entries()) {
        for (const side of ['a', 'b'] as const) {
          await supports.apply(manager, {
            supportId: ids[index][side],
            version: 1,
            leadAgencyId: randomUUID(),
            title: pair[side].title,
            summary: pair[side].summary,
            areaCode: pair.areaCode,
            sector: pair.areaCode.split('.')[0] as 'social',
            audience,
            targetGroups,
            status: 'draft',
          });
        }
      }
      let truePositive = 0;
      let falsePositive = 0;
      let falseNegative = 0;
      for (const [index, pair] of OVERLAP_PAIRS.entries()) {
        const [draft] = await supports.find(manager, [ids[index].a]);
        const scored = await candidates.scored(manager, draft);
        const score = scored.find((candidate) => candidate.other.supportId === ids[index].b)?.score ?? 0;
        if (score >= threshold && pair.overlap) truePositive++;
        if (score >= threshold && !pair.overlap) falsePositive++;
        if (score < threshold && pair.overlap) falseNegative++;
      }
      const precision = truePositive / (truePositive + falsePositive);
      const recall = truePositive / (truePositive + falseNegative);
      process.stdout.write(
        `overlap scoring, ${condition}: ${OVERLAP_PAIRS.length} labelled pairs, threshold ${threshold}: precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}\n`,
      );
      expect(precision).toBeGreaterThanOrEqual(0.8);
      expect(recall).toBeGreaterThanOrEqual(0.8);
    },
  );

  describe('a changed draft', () => {
    const socialstyrelsen = randomUUID();
    const ivo = randomUUID();
    const mine = randomUUID();
    const theirs = randomUUID();
    let overlapId: string;

    beforeAll(async () => {
      await coordination.deliver(
        'support.updated',
        { type: 'support', id: theirs, version: version++ },
        updated(theirs, ivo, {
          title: 'Bemötande av personer med demens i hemtjänst',
          summary:
            'Vägledning för personal i hemtjänst om bemötande av personer med demenssjukdom och stöd till anhöriga.',
          targetGroups: ['people-with-dementia', 'relatives'],
        }),
      );
      await coordination.deliver(
        'support.updated',
        { type: 'support', id: mine, version: version++ },
        updated(mine, socialstyrelsen, {
          title: 'Stöd vid demenssjukdom i hemtjänsten',
          summary:
            'Hur hemtjänstens personal kan bemöta personer med demenssjukdom och stödja deras anhöriga i vardagen.',
          targetGroups: ['people-with-dementia', 'relatives'],
        }),
      );
      const detected = await detectedBetween(mine, theirs);
      expect(detected).toHaveLength(1);
      overlapId = (detected[0].envelope.payload as { overlapId: string }).overlapId;
    });

    it('records the overlap once with its score and reasons in words, and coordination.overlap-detected', async () => {
      const [row] = await detectedBetween(mine, theirs);
      expect(row.envelope.payload).toMatchObject({
        overlapId,
        kind: 'support',
        supportId: mine,
        leadAgencyId: socialstyrelsen,
        otherSupportId: theirs,
        otherLeadAgencyId: ivo,
        audience: MUNICIPAL_SOCIAL,
        reasons: expect.arrayContaining([
          { code: 'same-area', sv: 'samma område', en: 'same area' },
          {
            code: 'shared-target-groups',
            sv: 'två gemensamma målgrupper: people-with-dementia, relatives',
            en: 'two shared target groups: people-with-dementia, relatives',
          },
        ]),
      });
      // The same draft changed again: the overlap is known, no second event.
      await coordination.deliver(
        'support.updated',
        { type: 'support', id: mine, version: version++ },
        updated(mine, socialstyrelsen, {
          title: 'Stöd vid demenssjukdom i hemtjänsten',
          summary: 'Hur hemtjänstens personal kan bemöta personer med demenssjukdom och stödja anhöriga.',
        }),
      );
      expect(await detectedBetween(mine, theirs)).toHaveLength(1);
    });

    const resolve = (
      by: string,
      resolution: 'coordinate' | 'distinct' | 'merge',
      rationale = '',
      withdrawSupportId: string | null = null,
      kind: 'agency' | 'association' = 'agency',
    ) =>
      coordination.testbed.execute(
        new ResolveOverlapCommand(actingAs(by, kind), overlapId, resolution, rationale, withdrawSupportId),
      );

    it.each<[string, () => Promise<unknown>, { status: number; errors?: unknown[] }]>([
      ['an agency not party to it', () => resolve(randomUUID(), 'coordinate'), { status: 403 }],
      [
        'distinct without a rationale',
        () => resolve(socialstyrelsen, 'distinct', '  '),
        { status: 400, errors: [expect.objectContaining({ field: 'rationale' })] },
      ],
      [
        'a merge naming a support outside the overlap',
        () => resolve(socialstyrelsen, 'merge', 'Samma stöd', randomUUID()),
        { status: 400, errors: [expect.objectContaining({ field: 'withdrawSupportId' })] },
      ],
    ])('refuses %s, writing nothing', async (_, attempt, problem) => {
      const before = await coordination.testbed.counts('found_overlaps');
      expect(await refusalOf(attempt())).toMatchObject(problem);
      expect(await coordination.testbed.counts('found_overlaps')).toEqual(before);
      const { rows } = await coordination.testbed.db.query('SELECT status FROM found_overlaps WHERE id = $1', [
        overlapId,
      ]);
      expect(rows).toEqual([{ status: 'open' }]);
    });

    it('coordinate makes the other agency a co-producer of the resolver’s support; twice is 409', async () => {
      const resolved = await resolve(socialstyrelsen, 'coordinate', 'Vi gör det tillsammans');
      expect(resolved).toMatchObject({ status: 'resolved', resolution: { resolution: 'coordinate' } });
      const [row] = (await coordination.testbed.outbox()).filter((r) => r.type === 'coordination.overlap-resolved');
      expect(row.envelope.payload).toMatchObject({
        overlapId,
        resolution: 'coordinate',
        resolvedByOrganisationId: socialstyrelsen,
        coProducer: { supportId: mine, organisationId: ivo },
      });
      expect(await refusalOf(resolve(ivo, 'distinct', 'Olika'))).toMatchObject({
        status: 409,
        code: 'overlap_not_open',
      });
    });
  });

  it('finds a draft answering a need assigned to another agency, and closes the overlap when it is withdrawn', async () => {
    const needId = randomUUID();
    const assignee = randomUUID();
    const drafter = randomUUID();
    const supportId = randomUUID();
    await coordination.deliver(
      'need.triaged',
      { type: 'need', id: needId, version: 3 },
      {
        needId,
        decision: 'accepted',
        rationale: 'Nationellt behov',
        leadAgencyId: assignee,
        declineReason: null,
        existingSupportId: null,
        duplicateOfNeedId: null,
        reviewOn: null,
        stage: 'accepted',
        stakeholders: [],
        triagedAt: new Date().toISOString(),
      },
    );
    await coordination.deliver(
      'support.updated',
      { type: 'support', id: supportId, version: 1 },
      updated(supportId, drafter, {
        title: 'Ett helt eget ämne kvantfysik',
        answersNeeds: [{ needId, organisationId: randomUUID() }],
      }),
    );
    const { rows } = await coordination.testbed.db.query(
      'SELECT id, kind, status, other_lead_agency_id FROM found_overlaps WHERE need_id = $1',
      [needId],
    );
    expect(rows).toEqual([{ id: expect.any(String), kind: 'need', status: 'open', other_lead_agency_id: assignee }]);
    await coordination.deliver(
      'support.withdrawn',
      { type: 'support', id: supportId, version: 2 },
      {
        supportId,
        leadAgencyId: drafter,
        title: 'Ett helt eget ämne kvantfysik',
        areaCode: 'social.older-care',
        sector: 'social',
        answersNeeds: [],
        reason: 'Behövs inte',
        replacedBySupportId: null,
        edition: null,
        withdrawnAt: new Date().toISOString(),
      },
    );
    const after = await coordination.testbed.db.query('SELECT status FROM found_overlaps WHERE need_id = $1', [needId]);
    expect(after.rows).toEqual([{ status: 'closed' }]);
    const closed = (await coordination.testbed.outbox()).filter((r) => r.type === 'coordination.overlap-closed');
    expect(closed.map((row) => row.envelope.payload)).toContainEqual(
      expect.objectContaining({ overlapId: rows[0].id, reason: 'support-withdrawn', withdrawnSupportId: supportId }),
    );
  });
});
