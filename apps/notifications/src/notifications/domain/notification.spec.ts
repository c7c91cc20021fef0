import {
  assertOwnInbox,
  feedbackReceivedText,
  NotPermitted,
  readStateFilter,
  supportPublishedText,
} from './notification';

const SKANE = '3f0c1b8e-2a4d-4e6f-9a1b-2c3d4e5f6a7b';
const STOCKHOLM = '0b7e5a3c-8f0e-4c52-9d4e-1f2a3b4c5d6e';

describe('notification rules', () => {
  it('keeps an inbox private to its organisation', () => {
    expect(() => assertOwnInbox(SKANE, SKANE)).not.toThrow();
    expect(() => assertOwnInbox(SKANE.toUpperCase(), SKANE)).not.toThrow();
    expect(() => assertOwnInbox(STOCKHOLM, SKANE)).toThrow(NotPermitted);
  });

  it('says in one sentence who published what and where, naming the agency when it is known', () => {
    expect(
      supportPublishedText({
        agencyName: 'Socialstyrelsen',
        supportTitle: 'Vårdprogram',
        areaCode: 'health.primary-care',
      }),
    ).toEqual({
      title: 'Published: Vårdprogram',
      message: 'Socialstyrelsen published "Vårdprogram" in area health.primary-care',
    });
    expect(supportPublishedText({ agencyName: null, supportTitle: 'X', areaCode: 'a.b' }).message).toBe(
      'An agency published "X" in area a.b',
    );
  });

  it('tells the lead agency how useful the support was found and how far it is applied', () => {
    expect(
      feedbackReceivedText({
        giverName: 'Stockholm',
        supportTitle: 'Vårdprogram',
        usefulness: 4,
        applicationStatus: 'applied',
      }),
    ).toEqual({
      title: 'Feedback on Vårdprogram',
      message: 'Stockholm rated "Vårdprogram" 4/5 and has applied it',
    });
    expect(
      feedbackReceivedText({ giverName: null, supportTitle: 'X', usefulness: 2, applicationStatus: 'lacks_capacity' })
        .message,
    ).toBe('An organisation rated "X" 2/5 and lacks the capacity to apply it');
  });

  it('reads the unread filter as all, only unread or only read', () => {
    expect(readStateFilter(undefined)).toBeUndefined();
    expect(readStateFilter('true')).toBe(true);
    expect(readStateFilter('false')).toBe(false);
  });
});
