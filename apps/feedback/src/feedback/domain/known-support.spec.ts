import { KnownSupport, mergeKnownSupport } from './known-support';

const drafted: KnownSupport = {
  supportId: '99999999-9999-4999-8999-999999999999',
  leadAgencyId: '11111111-1111-4111-8111-111111111111',
  title: 'Utkast',
  status: 'draft',
  aggregateVersion: 1,
};
const published: KnownSupport = { ...drafted, title: 'Publicerad', status: 'published', aggregateVersion: 2 };

describe('known support', () => {
  it('takes the first event it hears of as it is', () => {
    expect(mergeKnownSupport(null, drafted)).toEqual(drafted);
    expect(mergeKnownSupport(null, published)).toEqual(published);
  });

  it('ends published with the newest fields whatever order drafted and published arrive in', () => {
    const inOrder = mergeKnownSupport(mergeKnownSupport(null, drafted), published);
    const reversed = mergeKnownSupport(mergeKnownSupport(null, published), drafted);
    expect(inOrder).toEqual(published);
    expect(reversed).toEqual(published);
  });

  it('changes nothing when the same event arrives twice', () => {
    const once = mergeKnownSupport(null, published);
    expect(mergeKnownSupport(once, published)).toEqual(once);
    expect(mergeKnownSupport(mergeKnownSupport(null, drafted), drafted)).toEqual(drafted);
  });

  it('never moves a published support back to draft, even for a later version', () => {
    const revisedDraft: KnownSupport = { ...drafted, title: 'Reviderad', aggregateVersion: 3 };
    expect(mergeKnownSupport(published, revisedDraft)).toEqual({ ...revisedDraft, status: 'published' });
  });

  it('ends withdrawn whatever order its events arrive in', () => {
    const withdrawn: KnownSupport = { ...published, status: 'withdrawn', aggregateVersion: 3 };
    const orders = [
      [drafted, published, withdrawn],
      [withdrawn, published, drafted],
      [published, withdrawn, drafted],
    ];
    for (const order of orders) {
      expect(order.reduce<KnownSupport | null>(mergeKnownSupport, null)).toEqual(withdrawn);
    }
  });
});
