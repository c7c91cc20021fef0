import { OverlapState, resolveOverlap } from './overlap';

const lead = '11111111-1111-4111-8111-111111111111';
const other = '22222222-2222-4222-8222-222222222222';
const mine = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const theirs = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const at = new Date('2027-01-01T10:00:00Z');

const open: OverlapState = {
  id: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
  kind: 'support',
  supportId: mine,
  supportTitle: 'Mitt',
  leadAgencyId: lead,
  otherSupportId: theirs,
  otherSupportTitle: 'Deras',
  otherLeadAgencyId: other,
  needId: null,
  areaCode: 'social.older-care',
  score: 0.7,
  reasons: [],
  audience: { organisationKinds: [], sectors: [], professions: [] },
  status: 'open',
  resolution: null,
  rationale: null,
  resolvedBy: null,
  coProducer: null,
  withdrawSupportId: null,
  detectedAt: at,
  resolvedAt: null,
  closedAt: null,
  version: 1,
};
const agency = (organisationId: string) => ({ organisationId, steeringGroup: false });
const input = (
  resolution: 'coordinate' | 'distinct' | 'merge',
  rationale = '',
  withdrawSupportId: string | null = null,
) => ({
  resolution,
  rationale,
  withdrawSupportId,
  at,
});

describe('resolving an overlap', () => {
  it('coordinate: the other agency co-produces the resolver’s support', () => {
    expect(resolveOverlap(open, agency(other), input('coordinate')).coProducer).toEqual({
      supportId: theirs,
      organisationId: lead,
    });
    expect(resolveOverlap(open, agency(lead), input('coordinate')).coProducer).toEqual({
      supportId: mine,
      organisationId: other,
    });
    const bySteering = resolveOverlap(open, { organisationId: 'x', steeringGroup: true }, input('coordinate'));
    expect(bySteering).toMatchObject({ status: 'resolved', coProducer: { supportId: mine, organisationId: other } });
  });

  it('refuses the uninvolved, a second resolution, distinct without why, and a merge outside the overlap', () => {
    expect(() => resolveOverlap(open, agency('someone-else'), input('distinct', 'Olika'))).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    const resolved = resolveOverlap(open, agency(lead), input('distinct', 'Olika målgrupper'));
    expect(() => resolveOverlap(resolved, agency(other), input('distinct', 'Olika'))).toThrow(
      expect.objectContaining({ status: 409, code: 'overlap_not_open' }),
    );
    expect(() => resolveOverlap(open, agency(lead), input('distinct', '  '))).toThrow(
      expect.objectContaining({ status: 400, issues: [expect.objectContaining({ field: 'rationale' })] }),
    );
    expect(() => resolveOverlap(open, agency(lead), input('merge', 'Samma', lead))).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ field: 'withdrawSupportId' })] }),
    );
    expect(resolveOverlap(open, agency(lead), input('merge', 'Samma', theirs.toUpperCase()))).toMatchObject({
      withdrawSupportId: theirs,
    });
  });
});
