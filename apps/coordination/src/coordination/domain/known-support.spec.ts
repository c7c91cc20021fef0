import { mergeSupport, SupportChange } from './known-support';

const drafted: SupportChange = {
  supportId: 's',
  version: 1,
  leadAgencyId: 'a',
  title: 'Utkast',
  summary: 'Sammanfattning',
  areaCode: 'social.older-care',
  sector: 'social',
  plannedReleaseDate: '2027-03-01',
  status: 'draft',
};
const rescheduled: SupportChange = {
  supportId: 's',
  version: 2,
  leadAgencyId: 'a',
  title: 'Utkast',
  areaCode: 'social.older-care',
  plannedReleaseDate: '2027-05-03',
};
const withdrawn: SupportChange = { ...rescheduled, version: 3, plannedReleaseDate: undefined, status: 'withdrawn' };

describe('what coordination knows of a support', () => {
  it('gives each field the newest event that carried it, whatever order they arrive in', () => {
    const inOrder = mergeSupport(mergeSupport(null, drafted), rescheduled);
    const reversed = mergeSupport(mergeSupport(null, rescheduled), drafted);
    expect(reversed).toEqual(inOrder);
    expect(inOrder).toMatchObject({ summary: 'Sammanfattning', plannedReleaseDate: '2027-05-03', version: 2 });
    // Known first from the reschedule, the support takes its area's sector.
    expect(mergeSupport(null, rescheduled)).toMatchObject({ sector: 'social', summary: '' });
  });

  it('moves the status forward only', () => {
    const gone = mergeSupport(mergeSupport(null, withdrawn), drafted);
    expect(gone).toMatchObject({ status: 'withdrawn', summary: 'Sammanfattning' });
    expect(mergeSupport(gone, { ...drafted, version: 9, status: 'draft' }).status).toBe('withdrawn');
  });
});
