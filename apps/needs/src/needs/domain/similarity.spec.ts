import { sharedTargetGroups, similarityScore } from './similarity';

describe('similarity of needs', () => {
  it('weighs text half, the same area a quarter and the share of target groups a quarter', () => {
    const candidate = {
      titleSimilarity: 0.6,
      textRank: 0.2,
      sameArea: true,
      targetGroups: ['older-people', 'relatives'],
    };
    expect(similarityScore(candidate, ['older-people'])).toBe(0.5 * 0.6 + 0.25 + 0.25 * 0.5);
    expect(similarityScore({ ...candidate, sameArea: false, targetGroups: ['pupils'] }, ['older-people'])).toBe(0.3);
    expect(similarityScore({ ...candidate, textRank: 0.9, targetGroups: ['older-people'] }, ['older-people'])).toBe(
      0.95,
    );
    expect(similarityScore({ titleSimilarity: 1, textRank: 1, sameArea: true, targetGroups: ['a'] }, ['a'])).toBe(1);
  });

  it('names the target groups in common', () => {
    expect(sharedTargetGroups(['older-people', 'relatives', 'pupils'], ['pupils', 'older-people'])).toEqual([
      'older-people',
      'pupils',
    ]);
  });
});
