import { DomainError } from '@styrkedjan/platform/errors';
import { laterStatus, Need, TriageInput, TriageReferences } from './need';

const SUBMITTER = '0b7e5a3c-8f0e-4c52-9d4e-1f2a3b4c5d6e';
const ENDORSER = '1c8f6b4d-9f1f-4d63-8e5f-2a3b4c5d6e7f';
const AGENCY = '2d9a7c5e-a020-4e74-9f60-3b4c5d6e7f80';
const T0 = new Date('2026-02-01T08:00:00.000Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function identified(id = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'): Need {
  return Need.identify({
    id,
    organisationId: SUBMITTER,
    title: 'Stöd för demensvård i hemtjänsten',
    description: 'Personalen saknar rutiner.',
    area: { code: 'social.older-care', sector: 'social' },
    targetGroups: ['people-with-dementia', 'older-people', 'people-with-dementia'],
    note: '  ',
    identifiedAt: T0,
  });
}

/** The problem a rule's refusal renders as, for asserting status and fields. */
function refusal(act: () => unknown) {
  try {
    act();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { status: error.status, code: error.code, errors: error.issues ?? [] };
  }
  throw new Error('expected a refusal');
}

const agency: TriageReferences = { leadAgency: { kind: 'agency' } };
const accept: TriageInput = { decision: 'accepted', rationale: 'Nationellt behov', leadAgencyId: AGENCY };

describe('need rules', () => {
  it('identifies a need for the acting organisation at version 1, its target groups once each, a blank note as none', () => {
    const need = identified();
    expect(need.state).toMatchObject({
      organisationId: SUBMITTER,
      areaCode: 'social.older-care',
      sector: 'social',
      targetGroups: ['people-with-dementia', 'older-people'],
      note: null,
      stage: 'identified',
      version: 1,
      lastTransitionAt: T0,
      endorsementCount: 0,
    });
    expect(need.stakeholders).toEqual([{ organisationId: SUBMITTER, role: 'submitter' }]);
  });

  describe('endorsements', () => {
    it('adds one endorsement per organisation, counting it and moving the version on', () => {
      const need = identified();
      expect(need.endorse(ENDORSER, { comment: ' Samma här ', localContext: null }, later(1))).toEqual({
        reopensReview: false,
      });
      expect(need.state).toMatchObject({
        version: 2,
        endorsementCount: 1,
        stage: 'identified',
        lastTransitionAt: later(1),
      });
      expect(need.stakeholders).toEqual([
        { organisationId: SUBMITTER, role: 'submitter' },
        { organisationId: ENDORSER, role: 'endorser' },
      ]);
      expect(need.supportersNow[1]).toMatchObject({ comment: 'Samma här', localContext: null });
    });

    it('refuses a second endorsement and one of the own need with 409', () => {
      const need = identified();
      need.endorse(ENDORSER, { comment: null, localContext: null }, later(1));
      expect(
        refusal(() => need.endorse(ENDORSER.toUpperCase(), { comment: null, localContext: null }, later(2))),
      ).toMatchObject({ status: 409, code: 'already_endorsed' });
      expect(refusal(() => need.endorse(SUBMITTER, { comment: null, localContext: null }, later(2)))).toMatchObject({
        status: 409,
        code: 'own_need',
      });
      expect(need.state.version).toBe(2);
    });

    it('reopens a declined need for review when it gets a new endorsement', () => {
      const need = identified();
      need.triage({ decision: 'declined', rationale: 'Lokalt', declineReason: 'purely-local' }, {}, later(1));
      expect(need.endorse(ENDORSER, { comment: null, localContext: null }, later(2))).toEqual({ reopensReview: true });
      expect(need.state).toMatchObject({ stage: 'under-review', flaggedForReview: true });
      need.triage(accept, agency, later(3));
      expect(need.state.flaggedForReview).toBe(false);
    });

    it('withdraws an endorsement; there must be one to withdraw', () => {
      const need = identified();
      need.endorse(ENDORSER, { comment: null, localContext: null }, later(1));
      need.withdrawEndorsement(ENDORSER, later(2));
      expect(need.state).toMatchObject({ endorsementCount: 0, version: 3 });
      expect(refusal(() => need.withdrawEndorsement(ENDORSER, later(3)))).toMatchObject({ status: 404 });
      expect(refusal(() => need.withdrawEndorsement(SUBMITTER, later(3)))).toMatchObject({ status: 404 });
    });
  });

  describe('triage', () => {
    it('accepts with a lead agency, keeping the rationale', () => {
      const need = identified();
      need.triage({ ...accept, rationale: '  Nationellt behov ' }, agency, later(1));
      expect(need.state).toMatchObject({
        stage: 'accepted',
        triageDecision: 'accepted',
        triageRationale: 'Nationellt behov',
        leadAgencyId: AGENCY,
        triagedAt: later(1),
        version: 2,
      });
    });

    it.each([
      ['no rationale', { ...accept, rationale: '   ' }, agency, 400, 'rationale'],
      ['a rationale too long', { ...accept, rationale: 'x'.repeat(2001) }, agency, 400, 'rationale'],
      ['accepted without a lead agency', { ...accept, leadAgencyId: null }, {}, 400, 'leadAgencyId'],
      ['a lead agency that is a municipality', accept, { leadAgency: { kind: 'municipality' } }, 422, 'leadAgencyId'],
      ['a lead agency the directory does not have', accept, { leadAgency: null }, 422, 'leadAgencyId'],
      ['a field of another decision', { ...accept, reviewOn: '2027-01-01' }, agency, 400, 'reviewOn'],
      ['declined without a reason', { decision: 'declined', rationale: 'r' }, {}, 400, 'declineReason'],
      [
        'met by a support, without it',
        { decision: 'declined', rationale: 'r', declineReason: 'met-by-existing-support' },
        {},
        400,
        'existingSupportId',
      ],
      [
        'met by a support that is a draft',
        { decision: 'declined', rationale: 'r', declineReason: 'met-by-existing-support', existingSupportId: AGENCY },
        { existingSupport: { status: 'draft' } },
        422,
        'existingSupportId',
      ],
      [
        'a duplicate of nothing',
        { decision: 'declined', rationale: 'r', declineReason: 'duplicate' },
        {},
        400,
        'duplicateOfNeedId',
      ],
      [
        'a duplicate of itself',
        {
          decision: 'declined',
          rationale: 'r',
          declineReason: 'duplicate',
          duplicateOfNeedId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
        },
        { duplicateOf: { stage: 'identified' } },
        422,
        'duplicateOfNeedId',
      ],
      ['deferred without a day', { decision: 'deferred', rationale: 'r' }, {}, 400, 'reviewOn'],
      ['deferred to the past', { decision: 'deferred', rationale: 'r', reviewOn: '2026-01-31' }, {}, 400, 'reviewOn'],
      ['a question without a question', { decision: 'more-information-needed', rationale: 'r' }, {}, 400, 'question'],
    ] as [string, TriageInput, TriageReferences, number, string][])(
      'refuses %s, naming the field, and changes nothing',
      (_case, input, references, status, field) => {
        const need = identified();
        expect(refusal(() => need.triage(input, references, later(1)))).toMatchObject({
          status,
          errors: [expect.objectContaining({ field })],
        });
        expect(need.state).toMatchObject({ stage: 'identified', version: 1 });
      },
    );

    it('declines with each reason, pointing at the support or need where one is named', () => {
      const need = identified();
      need.triage(
        {
          decision: 'declined',
          rationale: 'Finns',
          declineReason: 'met-by-existing-support',
          existingSupportId: AGENCY,
        },
        { existingSupport: { status: 'published' } },
        later(1),
      );
      expect(need.state).toMatchObject({
        stage: 'declined',
        declineReason: 'met-by-existing-support',
        existingSupportId: AGENCY,
      });
      need.triage(
        { decision: 'declined', rationale: 'Dubblett', declineReason: 'duplicate', duplicateOfNeedId: ENDORSER },
        { duplicateOf: { stage: 'accepted' } },
        later(2),
      );
      expect(need.state).toMatchObject({
        declineReason: 'duplicate',
        duplicateOfNeedId: ENDORSER,
        existingSupportId: null,
      });
    });

    it('defers to a day after today', () => {
      const need = identified();
      need.triage({ decision: 'deferred', rationale: 'Nästa år', reviewOn: '2027-02-01' }, {}, later(1));
      expect(need.state).toMatchObject({ stage: 'deferred', reviewOn: '2027-02-01' });
    });

    it('asks a question, keeping the need under review without a decision; the submitter alone answers it', () => {
      const need = identified();
      need.triage(
        { decision: 'more-information-needed', rationale: 'Oklart', question: 'Hur många berörs?' },
        {},
        later(1),
      );
      expect(need.state).toMatchObject({
        stage: 'under-review',
        openQuestion: 'Hur många berörs?',
        triageDecision: null,
      });
      expect(refusal(() => need.clarify(ENDORSER, 'Tio', later(2)))).toMatchObject({ status: 403 });
      need.clarify(SUBMITTER.toUpperCase(), 'Ett fyrtiotal', later(2));
      expect(need.state).toMatchObject({ stage: 'under-review', openQuestion: null, version: 3 });
      expect(refusal(() => need.clarify(SUBMITTER, 'Igen', later(3)))).toMatchObject({
        status: 409,
        code: 'no_open_question',
      });
    });

    it('may be revisited, but not once merged or being addressed', () => {
      const need = identified();
      need.triage({ decision: 'declined', rationale: 'Lokalt', declineReason: 'purely-local' }, {}, later(1));
      need.triage(accept, agency, later(2));
      expect(need.state).toMatchObject({ stage: 'accepted', declineReason: null, leadAgencyId: AGENCY });
      need.addressedBy('draft', undefined, later(3));
      expect(refusal(() => need.triage(accept, agency, later(4)))).toMatchObject({
        status: 409,
        code: 'illegal_transition',
      });
    });
  });

  describe('merging', () => {
    it('moves submitter and endorsers the survivor lacks, and leaves the duplicate pointing at it', () => {
      const duplicate = identified();
      duplicate.endorse(ENDORSER, { comment: 'Vi med', localContext: null }, later(1));
      const survivor = Need.identify({
        ...{ id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', organisationId: AGENCY, title: 'Demens', description: '' },
        area: { code: 'social.older-care', sector: 'social' },
        targetGroups: ['older-people'],
        note: null,
        identifiedAt: T0,
      });
      survivor.endorse(ENDORSER, { comment: null, localContext: null }, later(1));

      expect(duplicate.mergeInto(survivor, later(2))).toEqual([SUBMITTER]);
      expect(duplicate.state).toMatchObject({
        stage: 'merged',
        mergedInto: survivor.state.id,
        version: 3,
        endorsementCount: 0,
      });
      expect(duplicate.supportersNow).toEqual([]);
      expect(survivor.stakeholders).toEqual([
        { organisationId: AGENCY, role: 'submitter' },
        { organisationId: ENDORSER, role: 'endorser' },
        { organisationId: SUBMITTER, role: 'submitter' },
      ]);
      expect(survivor.supportersNow[2].mergedFrom).toBe(duplicate.state.id);
      expect(survivor.state).toMatchObject({ version: 3, endorsementCount: 1 });
    });

    it('refuses merging into itself, a merged need, or into a merged need, with 409', () => {
      const a = identified('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa');
      const b = identified('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb');
      const c = identified('cccccccc-cccc-4ccc-8ccc-cccccccccccc');
      expect(refusal(() => a.mergeInto(a, later(1)))).toMatchObject({ status: 409, code: 'merge_into_itself' });
      a.mergeInto(b, later(1));
      expect(refusal(() => a.mergeInto(c, later(2)))).toMatchObject({ status: 409, code: 'already_merged' });
      expect(refusal(() => c.mergeInto(a, later(2)))).toMatchObject({ status: 409, code: 'merged_target' });
      expect(refusal(() => a.endorse(ENDORSER, { comment: null, localContext: null }, later(2)))).toMatchObject({
        status: 409,
        code: 'need_merged',
      });
      expect(refusal(() => a.triage(accept, agency, later(2)))).toMatchObject({ status: 409, code: 'need_merged' });
    });
  });

  describe('supports addressing the need', () => {
    it('is being addressed by a first draft, answered by a publication, and each is news once', () => {
      const need = identified();
      expect(need.addressedBy('draft', undefined, later(1))).toBe(true);
      expect(need.state.stage).toBe('being-addressed');
      expect(need.addressedBy('draft', 'draft', later(2))).toBe(false);
      expect(need.addressedBy('published', 'draft', later(3))).toBe(true);
      expect(need.state).toMatchObject({ stage: 'answered', version: 3 });
      // A draft that arrives after its own publication is no news; another support's draft is, and keeps it answered.
      expect(need.addressedBy('draft', 'published', later(4))).toBe(false);
      expect(need.addressedBy('draft', undefined, later(5))).toBe(true);
      expect(need.state.stage).toBe('answered');
    });

    it('leaves a merged need merged', () => {
      const need = identified();
      need.mergeInto(identified('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'), later(1));
      expect(need.addressedBy('draft', undefined, later(2))).toBe(false);
      expect(need.state.stage).toBe('merged');
    });
  });

  it('never moves a support back from published, whatever order events arrive in', () => {
    expect(laterStatus(undefined, 'draft')).toBe('draft');
    expect(laterStatus('draft', 'published')).toBe('published');
    expect(laterStatus('published', 'draft')).toBe('published');
  });
});
