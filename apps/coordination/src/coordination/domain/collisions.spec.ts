import { collisionSpans, PlannedRelease } from './collisions';

const release = (supportId: string, date: string): PlannedRelease => ({
  supportId,
  title: supportId,
  leadAgencyId: `agency-${supportId}`,
  date,
});
const rule = { limit: 3, windowWeeks: 4 };

describe('collisions of one audience', () => {
  it('is none at the limit, one span above it', () => {
    const three = [release('a', '2027-03-01'), release('b', '2027-03-08'), release('c', '2027-03-10')];
    expect(collisionSpans(three, rule)).toEqual([]);
    const four = [...three, release('d', '2027-03-17')];
    expect(collisionSpans(four, rule)).toEqual([{ from: '2027-03-01', to: '2027-03-17', releases: four }]);
  });

  it('slides the window: releases four weeks apart or more are not in one window', () => {
    const spread = ['2027-01-01', '2027-01-28', '2027-02-25', '2027-03-25'].map((d, i) => release(`${i}`, d));
    expect(collisionSpans(spread, rule)).toEqual([]);
    // 2027-01-01 to 2027-01-28 is 27 days: still one window.
    const close = ['2027-01-01', '2027-01-10', '2027-01-20', '2027-01-28'].map((d, i) => release(`${i}`, d));
    expect(collisionSpans(close, rule)).toHaveLength(1);
  });

  it('merges windows that share releases, keeps apart those that do not, whatever the input order', () => {
    const first = ['2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-20'].map((d, i) =>
      release(`a${i}`, d),
    );
    const second = ['2027-06-01', '2027-06-02', '2027-06-03', '2027-06-04'].map((d, i) => release(`b${i}`, d));
    const spans = collisionSpans([...second, ...first].reverse(), rule);
    expect(spans.map((span) => [span.from, span.to, span.releases.length])).toEqual([
      ['2027-01-04', '2027-01-20', 5],
      ['2027-06-01', '2027-06-04', 4],
    ]);
  });
});
