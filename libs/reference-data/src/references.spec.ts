import { unknownReferences } from './references';

describe('unknown references', () => {
  it('names every unknown value by its index in the request', () => {
    const known = new Set(['health.primary-care', 'health.mental-health']);
    expect(
      unknownReferences(
        ['health.primary-care', 'health.nope', 'health.mental-health', 'x.y'],
        known,
        'areaCodes',
        'area code',
      ),
    ).toEqual([
      { field: 'areaCodes[1]', message: "unknown area code 'health.nope'" },
      { field: 'areaCodes[3]', message: "unknown area code 'x.y'" },
    ]);
    expect(unknownReferences([], known, 'areaCodes', 'area code')).toEqual([]);
  });
});
