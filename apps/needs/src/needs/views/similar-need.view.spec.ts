import { reasonsFor } from './similar-need.view';

describe('reasons a need is similar', () => {
  const groups = new Map([
    ['older-people', 'Äldre'],
    ['relatives', 'Anhöriga och närstående'],
  ]);

  it('names the area, the target groups in common, how alike the titles are and the words in common', () => {
    expect(
      reasonsFor(
        {
          sameArea: true,
          areaCode: 'health.primary-care',
          sharedGroups: ['older-people', 'relatives'],
          titleSimilarity: 0.624,
          sharedWords: ['äldr', 'depression', 'upptäck', 'tidig', 'vård', 'primärvård', 'hemtjänst'],
        },
        { area: 'Primärvård', groups },
      ),
    ).toEqual([
      'same area: Primärvård',
      '2 target groups in common: Äldre, Anhöriga och närstående',
      'titles 62 % alike',
      'words in common (Swedish stems): depression, hemtjänst, primärvård, tidig, upptäck and 2 more',
    ]);
  });

  it('says only what holds, by code where the vocabulary has no name', () => {
    expect(
      reasonsFor(
        { sameArea: false, areaCode: 'x', sharedGroups: ['pupils'], titleSimilarity: 0.1, sharedWords: [] },
        { groups },
      ),
    ).toEqual(['a target group in common: pupils']);
  });
});
