import {
  endOfSwedishDay,
  nextFixedConsultationDate,
  nextWorkingDay,
  nonWorkingReason,
  swedishDateOf,
} from './working-days';

describe('Swedish working days and time', () => {
  it.each([
    ['2026-12-24', /holiday \(julafton\)/],
    ['2026-12-25', /holiday \(juldagen\)/],
    ['2027-03-26', /holiday \(långfredagen\)/],
    ['2027-05-06', /holiday \(Kristi himmelsfärdsdag\)/],
    ['2027-06-25', /holiday \(midsommarafton\)/],
    ['2026-06-06', /Saturday/],
    ['2026-12-27', /Sunday/],
  ])('%s is no working day', (date, reason) => {
    expect(nonWorkingReason(date)).toMatch(reason);
  });

  it.each(['2026-12-23', '2026-12-28', '2027-03-25', '2027-02-15'])('%s is a working day', (date) => {
    expect(nonWorkingReason(date)).toBeNull();
  });

  it('moves to the next working day over a long weekend', () => {
    expect(nextWorkingDay('2026-12-24')).toBe('2026-12-28');
    expect(nextWorkingDay('2027-03-26')).toBe('2027-03-30');
  });

  it('ends a day at midnight Swedish time, in winter and in summer time', () => {
    expect(endOfSwedishDay('2027-02-15').toISOString()).toBe('2027-02-15T23:00:00.000Z');
    expect(endOfSwedishDay('2027-07-15').toISOString()).toBe('2027-07-15T22:00:00.000Z');
    // The clocks go forward in the night to Sunday 28 March 2027.
    expect(endOfSwedishDay('2027-03-27').toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(endOfSwedishDay('2027-03-28').toISOString()).toBe('2027-03-28T22:00:00.000Z');
  });

  it('tells the Swedish date of an instant', () => {
    expect(swedishDateOf(new Date('2026-12-01T22:59:59Z'))).toBe('2026-12-01');
    expect(swedishDateOf(new Date('2026-12-01T23:00:00Z'))).toBe('2026-12-02');
  });

  it('snaps to the next fixed consultation date, on a working day', () => {
    expect(nextFixedConsultationDate('2026-11-02')).toBe('2026-11-16'); // 15 November 2026 is a Sunday
    expect(nextFixedConsultationDate('2026-11-17')).toBe('2027-02-15');
    expect(nextFixedConsultationDate('2027-02-16')).toBe('2027-04-15');
    expect(nextFixedConsultationDate('2027-04-16')).toBe('2027-09-15');
  });
});
