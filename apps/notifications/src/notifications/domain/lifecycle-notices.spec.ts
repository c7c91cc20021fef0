import { consultationClosedText, deadlineOf, noticesFor, supportWithdrawnText } from './lifecycle-notices';
import { TEXT_PRIORITY } from './notification';

describe('what those concerned by a support’s lifecycle are told', () => {
  it('names a deadline by the Swedish day it ends on, in summer and winter time alike', () => {
    // The end of 15 February in Sweden is 22:59 UTC; the end of 15 September 21:59 UTC.
    expect(deadlineOf('2027-02-15T22:59:59.999Z')).toEqual({ sv: '15 februari 2027', en: '15 February 2027' });
    expect(deadlineOf('2027-09-15T21:59:59.999Z')).toEqual({ sv: '15 september 2027', en: '15 September 2027' });
  });

  it('counts one comment in the singular and a round nobody answered as 0 %', () => {
    expect(consultationClosedText({ supportTitle: 'T', invited: 4, responded: 1, commentCount: 1 }).message).toBe(
      '1 av 4 remissinstanser har svarat (25 %), med 1 synpunkt att besvara.',
    );
    expect(consultationClosedText({ supportTitle: 'T', invited: 2, responded: 0, commentCount: 0 }).messageEn).toBe(
      '0 of 2 consultees responded (0%), with 0 comments to answer.',
    );
  });

  it('tells of an unnamed replacement when the replacement has not been seen published', () => {
    const input = { leadAgencyName: null, supportTitle: 'T', areaName: 'A', reason: 'R', replaced: true };
    expect(supportWithdrawnText({ ...input, replacementTitle: null }, 'follower').message).toBe(
      'En myndighet har återkallat "T" inom A. Det ersätts av ett annat kunskapsstöd. Skäl: R',
    );
  });

  it('gives an organisation listed twice one notice', () => {
    const text = { title: 't', message: 'm', titleEn: 't', messageEn: 'm' };
    const notices = noticesFor(['a', 'b', 'a'], { reason: 'consultee', text, priority: TEXT_PRIORITY.other });
    expect(notices.map((notice) => notice.organisationId)).toEqual(['a', 'b']);
  });
});
