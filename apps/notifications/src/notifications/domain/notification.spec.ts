import { feedbackReceivedText, readStateFilter, supportPublishedText } from './notification';

describe('notification rules', () => {
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
