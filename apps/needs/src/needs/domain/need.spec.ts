import { laterStatus, mayIdentifyNeed, stageOf } from './need';

describe('need rules', () => {
  it('lets the organisations that meet needs register them, and not agencies or government', () => {
    expect(mayIdentifyNeed('municipality')).toBe(true);
    expect(mayIdentifyNeed('region')).toBe(true);
    expect(mayIdentifyNeed('profession')).toBe(true);
    expect(mayIdentifyNeed('patient_organisation')).toBe(true);
    expect(mayIdentifyNeed('agency')).toBe(false);
    expect(mayIdentifyNeed('government')).toBe(false);
  });

  it('takes the stage from the furthest support addressing the need', () => {
    expect(stageOf([])).toBe('identified');
    expect(stageOf(['drafted'])).toBe('addressed_by_draft');
    expect(stageOf(['drafted', 'published'])).toBe('addressed');
  });

  it('never moves a support back from published, whatever order events arrive in', () => {
    expect(laterStatus(undefined, 'drafted')).toBe('drafted');
    expect(laterStatus('drafted', 'published')).toBe('published');
    expect(laterStatus('published', 'drafted')).toBe('published');
  });
});
