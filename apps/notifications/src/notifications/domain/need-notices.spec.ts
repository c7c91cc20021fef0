import {
  ANSWER_REASONS,
  clarificationRequestedText,
  NEED_REASONS,
  needAddressedText,
  needAnsweredText,
  needMergedText,
  needTriagedText,
  noticesTo,
} from './need-notices';
import { TEXT_PRIORITY } from './notification';

const SUBMITTER = '6f1d8f8e-2c3a-4b5d-8e9f-0a1b2c3d4e5f';
const ENDORSER = '7a2e9a9f-3d4b-4c6e-9fa0-1b2c3d4e5f60';

describe('what a need stakeholders are told', () => {
  it('gives each stakeholder one notice in the words and with the reason of its role', () => {
    const notices = noticesTo(
      [
        { organisationId: SUBMITTER, role: 'submitter' },
        { organisationId: ENDORSER, role: 'endorser' },
      ],
      NEED_REASONS,
      (role) => needMergedText({ rationale: 'Samma behov' }, role),
    );
    expect(notices).toEqual([
      {
        organisationId: SUBMITTER,
        reason: 'your_need',
        priority: TEXT_PRIORITY.submitter,
        text: expect.objectContaining({ title: 'Ert behov har slagits samman med ett likadant behov' }),
      },
      {
        organisationId: ENDORSER,
        reason: 'need_you_endorsed',
        priority: TEXT_PRIORITY.endorser,
        text: expect.objectContaining({ titleEn: 'A need you endorsed was merged into a matching need' }),
      },
    ]);
  });

  it('tells an organisation listed as submitter and endorser once, as submitter, in either order', () => {
    for (const order of [
      ['endorser', 'submitter'],
      ['submitter', 'endorser'],
    ] as const) {
      const notices = noticesTo(
        order.map((role) => ({ organisationId: SUBMITTER, role })),
        ANSWER_REASONS,
        (role) => needAnsweredText({ leadAgencyName: 'Socialstyrelsen', supportTitle: 'Vårdprogram' }, role),
      );
      expect(notices).toEqual([
        expect.objectContaining({ reason: 'answers_your_need', priority: TEXT_PRIORITY.submitter }),
      ]);
    }
  });

  it('gives the triage decision with its rationale: the lead agency, the reason declined, the date deferred to', () => {
    const base = { rationale: 'Stort behov i hela landet', declineReason: null, reviewOn: null, leadAgencyName: null };
    expect(needTriagedText({ ...base, decision: 'accepted', leadAgencyName: 'Socialstyrelsen' }, 'submitter')).toEqual({
      title: 'Ert behov har accepterats',
      message:
        'Styrgruppen har accepterat behovet. Socialstyrelsen ansvarar för att besvara det. Motivering: Stort behov i hela landet',
      titleEn: 'Your need was accepted',
      messageEn:
        'The steering group accepted the need. Socialstyrelsen will lead the answer. Rationale: Stort behov i hela landet',
    });
    const declined = needTriagedText({ ...base, decision: 'declined', declineReason: 'purely-local' }, 'endorser');
    expect(declined.title).toBe('Ett behov ni står bakom har avslagits');
    expect(declined.message).toBe(
      'Styrgruppen har avslagit behovet: behovet är rent lokalt. Motivering: Stort behov i hela landet',
    );
    expect(needTriagedText({ ...base, decision: 'deferred', reviewOn: '2027-03-01' }, 'submitter').messageEn).toBe(
      'The steering group deferred the need until 2027-03-01. Rationale: Stort behov i hela landet',
    );
    expect(needTriagedText({ ...base, decision: 'deferred' }, 'submitter').message).toContain('tills vidare');
  });

  it('puts the question and why it is asked in the clarification', () => {
    expect(clarificationRequestedText({ question: 'Hur många berörs?', rationale: 'Omfattningen' })).toMatchObject({
      message: 'Styrgruppen behöver veta mer innan den beslutar: Hur många berörs? (Varför: Omfattningen)',
      titleEn: 'The steering group has a question about your need',
    });
  });

  it('names the support and its agency when a draft addresses the need and when it is published', () => {
    const support = { leadAgencyName: null, supportTitle: 'Vårdprogram' };
    expect(needAddressedText(support, 'submitter')).toMatchObject({
      title: 'Ert behov besvaras: Vårdprogram',
      message: 'En myndighet tar fram "Vårdprogram", som ska besvara ett behov som er organisation har lämnat in',
    });
    expect(needAnsweredText(support, 'endorser').messageEn).toBe(
      'An agency published "Vårdprogram", which answers a need your organisation endorsed',
    );
  });
});
