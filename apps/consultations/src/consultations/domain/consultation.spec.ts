import { InvalidInput } from '@styrkedjan/platform/errors';
import { fixConsultees, openingDeadline, responseRates } from './consultation';

const rules = (now: string, minWeeks = 4) => ({ now: new Date(now), minWeeks, reminderDays: 7 });

function refusal(work: () => unknown): { field: string; message: string }[] {
  try {
    work();
  } catch (error) {
    if (error instanceof InvalidInput) return [...error.issues];
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('a round’s deadline', () => {
  it('ends the chosen working day at midnight, Swedish time', () => {
    expect(openingDeadline('2027-01-11', false, rules('2026-12-01T10:00:00Z'))).toEqual({
      closesOn: '2027-01-11',
      closesAt: new Date('2027-01-11T23:00:00Z'),
    });
  });

  it.each([
    ['2026-11-30', /in the past/],
    ['2026-12-28', /at least 4 weeks away: 2026-12-29 or later/],
    ['2027-01-06', /working day: 2027-01-06 is a Swedish holiday \(trettondedag jul\)/],
    ['2027-01-09', /Saturday/],
  ])('refuses %s naming closesAt', (date, message) => {
    expect(refusal(() => openingDeadline(date, false, rules('2026-12-01T10:00:00Z')))).toEqual([
      { field: 'closesAt', message: expect.stringMatching(message) },
    ]);
  });

  it('counts the minimum from now, in Swedish days', () => {
    // 23:30 UTC on 1 December is already 2 December in Sweden.
    expect(openingDeadline('2026-12-02', false, rules('2026-12-01T23:30:00Z', 0)).closesOn).toBe('2026-12-02');
  });

  it('snaps to the next fixed date far enough away, moved off a weekend', () => {
    expect(openingDeadline('2026-10-05', true, rules('2026-10-01T10:00:00Z')).closesOn).toBe('2026-11-16');
    expect(openingDeadline('2026-12-02', true, rules('2026-12-01T10:00:00Z')).closesOn).toBe('2027-02-15');
  });
});

describe('consultees', () => {
  it('leaves out the lead agency and repeats, and refuses an empty list', () => {
    const lead = 'AAAAAAAA-0000-4000-8000-000000000000';
    const other = { organisationId: 'bbbbbbbb-0000-4000-8000-000000000000', kind: 'region', regionId: null };
    expect(
      fixConsultees(
        [other, { ...other }, { organisationId: lead.toLowerCase(), kind: 'agency', regionId: null }],
        lead,
      ),
    ).toEqual([other]);
    expect(refusal(() => fixConsultees([], lead))).toEqual([{ field: 'consultees', message: expect.any(String) }]);
  });

  it('rates responses by kind and by county, national organisations last', () => {
    const consultees = [
      { organisationId: 'a', kind: 'municipality', regionId: 'r1' },
      { organisationId: 'b', kind: 'municipality', regionId: 'r1' },
      { organisationId: 'c', kind: 'patient_organisation', regionId: null },
      { organisationId: 'd', kind: 'region', regionId: 'r1' },
    ];
    expect(responseRates(consultees, new Set(['a', 'c']))).toEqual({
      byKind: [
        { kind: 'municipality', invited: 2, responded: 1 },
        { kind: 'patient_organisation', invited: 1, responded: 1 },
        { kind: 'region', invited: 1, responded: 0 },
      ],
      byCounty: [
        { regionId: 'r1', invited: 3, responded: 1 },
        { regionId: null, invited: 1, responded: 1 },
      ],
    });
  });
});
