import { audienceCells, parseAudienceKey } from './audience';
import { checkCalendarRequest, isoWeekOf, releaseWarning } from './calendar';

describe('the calendar', () => {
  it('names ISO weeks by their Monday', () => {
    expect(isoWeekOf('2027-03-10')).toEqual({ week: '2027-W10', start: '2027-03-08' });
    expect(isoWeekOf('2027-01-01')).toEqual({ week: '2026-W53', start: '2026-12-28' });
    expect(isoWeekOf('2026-12-31')).toEqual({ week: '2026-W53', start: '2026-12-28' });
  });

  it('reaches every kind × sector of an audience, and each profession', () => {
    const cells = audienceCells(
      { organisationKinds: ['municipality', 'region'], sectors: [], professions: ['Sjuksköterska'] },
      'social',
    );
    expect(cells.map((cell) => cell.key)).toEqual([
      'municipality:social',
      'municipality:social:Sjuksköterska',
      'region:social',
      'region:social:Sjuksköterska',
    ]);
    expect(audienceCells({ organisationKinds: [], sectors: ['health'], professions: [] }, 'health')).toEqual([]);
    expect(parseAudienceKey('region:health:Sjuksköterska')).toMatchObject({ profession: 'Sjuksköterska' });
    expect(parseAudienceKey('wizards:social')).toBeNull();
    expect(parseAudienceKey('municipality:magic')).toBeNull();
  });

  it('warns municipal audiences of July and the weeks around Christmas only', () => {
    expect(releaseWarning('municipality', '2027-07-01')).toMatchObject({ code: 'summer-holiday' });
    expect(releaseWarning('municipality', '2027-12-20')).toMatchObject({ code: 'christmas-holiday' });
    expect(releaseWarning('municipality', '2028-01-05')).toMatchObject({ code: 'christmas-holiday' });
    expect(releaseWarning('municipality', '2028-01-10')).toBeNull();
    expect(releaseWarning('municipality', '2027-12-17')).toBeNull();
    expect(releaseWarning('region', '2027-07-01')).toBeNull();
  });

  it('refuses a range over two years naming to, and an unknown audience naming audience', () => {
    expect(() => checkCalendarRequest({ from: '2027-01-01', to: '2029-01-01' })).not.toThrow();
    expect(() => checkCalendarRequest({ from: '2027-01-01', to: '2029-01-03' })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ field: 'to' })] }),
    );
    expect(() => checkCalendarRequest({ from: '2027-01-01', to: '2027-02-01', audienceKey: 'x' })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ field: 'audience' })] }),
    );
  });
});
