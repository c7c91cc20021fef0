import { InvalidInput } from '@styrkedjan/platform/errors';
import { FeedbackInput, giveFeedback, summariseFeedback, SupportNotPublished, SupportWithdrawn } from './feedback';
import { KnownSupport } from './known-support';

const STOCKHOLM = '0b7e5a3c-8f0e-4c52-9d4e-1f2a3b4c5d6e';
const published: KnownSupport = {
  supportId: '99999999-9999-4999-8999-999999999999',
  leadAgencyId: '11111111-1111-4111-8111-111111111111',
  title: 'Nationellt vårdprogram',
  status: 'published',
  aggregateVersion: 2,
};

function input(overrides: Partial<FeedbackInput> = {}): FeedbackInput {
  return {
    id: 'ffffffff-ffff-4fff-8fff-ffffffffffff',
    giver: { organisationId: STOCKHOLM },
    usefulness: 4,
    applicationStatus: 'applied',
    comment: 'Används i tre vårdcentraler.',
    receivedAt: new Date('2026-01-10T09:00:00.000Z'),
    ...overrides,
  };
}

describe('feedback rules', () => {
  it('takes feedback on a published support', () => {
    expect(giveFeedback(published, input())).toEqual({
      id: 'ffffffff-ffff-4fff-8fff-ffffffffffff',
      supportId: published.supportId,
      organisationId: STOCKHOLM,
      usefulness: 4,
      applicationStatus: 'applied',
      comment: 'Används i tre vårdcentraler.',
      receivedAt: new Date('2026-01-10T09:00:00.000Z'),
    });
  });

  it('refuses feedback on a draft, which nobody can have applied yet', () => {
    expect(() => giveFeedback({ ...published, status: 'draft', aggregateVersion: 1 }, input())).toThrow(
      SupportNotPublished,
    );
  });

  it('refuses feedback on a withdrawn support with a 409 support_withdrawn', () => {
    const withdrawn = () => giveFeedback({ ...published, status: 'withdrawn', aggregateVersion: 3 }, input());
    expect(withdrawn).toThrow(SupportWithdrawn);
    expect(withdrawn).toThrow(expect.objectContaining({ status: 409, code: 'support_withdrawn' }));
  });

  it('keeps usefulness on the 1 to 5 scale and the comment within 5000 characters', () => {
    for (const usefulness of [0, 6, 2.5]) {
      expect(() => giveFeedback(published, input({ usefulness }))).toThrow(
        expect.objectContaining({ issues: [expect.objectContaining({ field: 'usefulness' })] }),
      );
    }
    expect(() => giveFeedback(published, input({ comment: 'x'.repeat(5001) }))).toThrow(InvalidInput);
    expect(giveFeedback(published, input({ usefulness: 1, comment: 'x'.repeat(5000) })).usefulness).toBe(1);
  });

  it("summarises a support's feedback with every application status counted, zeros included", () => {
    expect(summariseFeedback([])).toEqual({
      count: 0,
      averageUsefulness: null,
      byApplicationStatus: { applied: 0, planned: 0, not_applicable: 0, lacks_capacity: 0 },
    });
    expect(
      summariseFeedback([
        { applicationStatus: 'applied', count: 2, usefulnessSum: 9 },
        { applicationStatus: 'lacks_capacity', count: 1, usefulnessSum: 2 },
      ]),
    ).toEqual({
      count: 3,
      averageUsefulness: 3.67,
      byApplicationStatus: { applied: 2, planned: 0, not_applicable: 0, lacks_capacity: 1 },
    });
  });
});
