import { mergeSupport } from './known-support';

const drafted = {
  supportId: 's',
  version: 1,
  leadAgencyId: 'a',
  title: 'Utkast',
  areaCode: 'social.older-care',
  sector: 'social' as const,
  status: 'draft' as const,
};

describe('what coordination knows of a support', () => {
  it('takes the newer fields, keeps the status moving forward, and waits for a change that can start it', () => {
    const known = mergeSupport(null, drafted)!;
    const rescheduled = mergeSupport(known, { supportId: 's', version: 3, plannedReleaseDate: '2027-03-01' })!;
    // An older edit arriving late changes no field.
    const late = mergeSupport(rescheduled, { ...drafted, version: 2, title: 'Gammal', plannedReleaseDate: null })!;
    expect(late).toMatchObject({ title: 'Utkast', plannedReleaseDate: '2027-03-01', version: 3 });
    const withdrawn = mergeSupport(late, { ...drafted, version: 4, status: 'withdrawn' })!;
    expect(mergeSupport(withdrawn, { ...drafted, version: 5, status: 'draft' })).toMatchObject({ status: 'withdrawn' });
    expect(mergeSupport(null, { supportId: 's', version: 2, plannedReleaseDate: '2027-03-01' })).toBeNull();
  });
});
