import { feedbackReceivedText, publicationOccasion, readStateFilter, supportPublishedText } from './notification';

describe('notification rules', () => {
  it('says in one sentence who published what and where, in Swedish and English, naming the agency when known', () => {
    expect(
      supportPublishedText({ agencyName: 'Socialstyrelsen', supportTitle: 'Vårdprogram', areaName: 'Primärvård' }),
    ).toEqual({
      title: 'Publicerat: Vårdprogram',
      message: 'Socialstyrelsen har publicerat "Vårdprogram" inom Primärvård',
      titleEn: 'Published: Vårdprogram',
      messageEn: 'Socialstyrelsen published "Vårdprogram" in Primärvård',
    });
    const unnamed = supportPublishedText({ agencyName: null, supportTitle: 'X', areaName: 'a.b' });
    expect([unnamed.message, unnamed.messageEn]).toEqual([
      'En myndighet har publicerat "X" inom a.b',
      'An agency published "X" in a.b',
    ]);
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
      title: 'Återkoppling på Vårdprogram',
      message: 'Stockholm gav "Vårdprogram" betyget 4/5 och har infört det',
      titleEn: 'Feedback on Vårdprogram',
      messageEn: 'Stockholm rated "Vårdprogram" 4/5 and has applied it',
    });
    expect(
      feedbackReceivedText({ giverName: null, supportTitle: 'X', usefulness: 2, applicationStatus: 'lacks_capacity' })
        .messageEn,
    ).toBe('An organisation rated "X" 2/5 and lacks the capacity to apply it');
  });

  it('makes a publication one occasion per support, whichever event tells it', () => {
    expect(publicationOccasion('4b4d6a7e-1f0e-4c8f-9a43-2a7d6b1c0e55')).toBe(
      'publication:4b4d6a7e-1f0e-4c8f-9a43-2a7d6b1c0e55',
    );
  });

  it('reads the unread filter as all, only unread or only read', () => {
    expect(readStateFilter(undefined)).toBeUndefined();
    expect(readStateFilter('true')).toBe(true);
    expect(readStateFilter('false')).toBe(false);
  });
});
