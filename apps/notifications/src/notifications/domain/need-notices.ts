import type { DeclineReason, PayloadOf, TriageDecision } from '@styrkedjan/contracts';
import { type NotificationReason, type NotificationText, TEXT_PRIORITY } from './notification';

/** An organisation that submitted or endorsed a need, as the need's transition events list them. */
export type Stakeholder = PayloadOf<'need.triaged'>['stakeholders'][number];
export type StakeholderRole = Stakeholder['role'];

/** One organisation's notification of an event: why, in which words, and how much those words concern it. */
export interface Notice {
  organisationId: string;
  reason: NotificationReason;
  text: NotificationText;
  priority: number;
  /** Where to go from the notification when its subject alone is not it (a round, a report, a replacement). */
  link?: string | null;
}

/** The reasons a need's transition gives its stakeholders, by role. */
export const NEED_REASONS: Record<StakeholderRole, NotificationReason> = {
  submitter: 'your_need',
  endorser: 'need_you_endorsed',
};

/** The reasons a publication answering a need gives its stakeholders, by role. */
export const ANSWER_REASONS: Record<StakeholderRole, NotificationReason> = {
  submitter: 'answers_your_need',
  endorser: 'answers_need_you_endorsed',
};

/**
 * One notice per stakeholder, worded for its role. An organisation listed twice (a submitter whose endorsement
 * was merged in with a duplicate) is told once, as submitter.
 */
export function noticesTo(
  stakeholders: readonly Stakeholder[],
  reasons: Record<StakeholderRole, NotificationReason>,
  textFor: (role: StakeholderRole) => NotificationText,
): Notice[] {
  const roles = new Map<string, StakeholderRole>();
  for (const { organisationId, role } of stakeholders) {
    if (roles.get(organisationId) !== 'submitter') roles.set(organisationId, role);
  }
  return [...roles].map(([organisationId, role]) => ({
    organisationId,
    reason: reasons[role],
    text: textFor(role),
    priority: TEXT_PRIORITY[role],
  }));
}

/** "Ert behov" or "a need you endorsed": how each role's notifications name the need. */
const NEED: Record<StakeholderRole, { sv: string; en: string; svObject: string; enObject: string }> = {
  submitter: {
    sv: 'Ert behov',
    en: 'Your need',
    svObject: 'ett behov som er organisation har lämnat in',
    enObject: 'a need your organisation submitted',
  },
  endorser: {
    sv: 'Ett behov ni står bakom',
    en: 'A need you endorsed',
    svObject: 'ett behov som er organisation står bakom',
    enObject: 'a need your organisation endorsed',
  },
};

const DECLINE_REASONS: Record<DeclineReason, { sv: string; en: string }> = {
  'purely-local': { sv: 'behovet är rent lokalt', en: 'the need is purely local' },
  'met-by-existing-support': {
    sv: 'ett befintligt kunskapsstöd möter redan behovet',
    en: 'an existing support already meets it',
  },
  'not-a-knowledge-gap': { sv: 'det är inte en kunskapslucka', en: 'it is not a knowledge gap' },
  'out-of-scope': { sv: 'behovet ligger utanför uppdraget', en: 'it is out of scope' },
  duplicate: { sv: 'behovet är en dubblett av ett annat', en: 'it duplicates another need' },
};

export interface TriageInput {
  /** `more-information-needed` tells nobody here: its question reaches the submitter as clarification-requested. */
  decision: Exclude<TriageDecision, 'more-information-needed'>;
  rationale: string;
  declineReason: DeclineReason | null;
  reviewOn: string | null;
  leadAgencyName: string | null;
}

/** The decision and its rationale, to every stakeholder. */
export function needTriagedText(input: TriageInput, role: StakeholderRole): NotificationText {
  const need = NEED[role];
  const why = { sv: `Motivering: ${input.rationale}`, en: `Rationale: ${input.rationale}` };
  switch (input.decision) {
    case 'accepted': {
      const agency = { sv: input.leadAgencyName ?? 'En myndighet', en: input.leadAgencyName ?? 'An agency' };
      return {
        title: `${need.sv} har accepterats`,
        message: `Styrgruppen har accepterat behovet. ${agency.sv} ansvarar för att besvara det. ${why.sv}`,
        titleEn: `${need.en} was accepted`,
        messageEn: `The steering group accepted the need. ${agency.en} will lead the answer. ${why.en}`,
      };
    }
    case 'declined': {
      const reason = input.declineReason ? DECLINE_REASONS[input.declineReason] : null;
      return {
        title: `${need.sv} har avslagits`,
        message: `Styrgruppen har avslagit behovet${reason ? `: ${reason.sv}` : ''}. ${why.sv}`,
        titleEn: `${need.en} was declined`,
        messageEn: `The steering group declined the need${reason ? `: ${reason.en}` : ''}. ${why.en}`,
      };
    }
    case 'deferred': {
      const until = input.reviewOn
        ? { sv: ` till ${input.reviewOn}`, en: ` until ${input.reviewOn}` }
        : { sv: ' tills vidare', en: ' for now' };
      return {
        title: `${need.sv} har skjutits upp`,
        message: `Styrgruppen har skjutit upp behovet${until.sv}. ${why.sv}`,
        titleEn: `${need.en} was deferred`,
        messageEn: `The steering group deferred the need${until.en}. ${why.en}`,
      };
    }
  }
}

/** The steering group's question, to the submitter only: it alone answers it. */
export function clarificationRequestedText(input: { question: string; rationale: string }): NotificationText {
  return {
    title: 'Styrgruppen har en fråga om ert behov',
    message: `Styrgruppen behöver veta mer innan den beslutar: ${input.question} (Varför: ${input.rationale})`,
    titleEn: 'The steering group has a question about your need',
    messageEn: `The steering group needs to know more before it decides: ${input.question} (Why: ${input.rationale})`,
  };
}

/** Where a merged need went: its stakeholders now stand behind the need it was merged into. */
export function needMergedText(input: { rationale: string }, role: StakeholderRole): NotificationText {
  const need = NEED[role];
  return {
    title: `${need.sv} har slagits samman med ett likadant behov`,
    message: `Styrgruppen har slagit samman behovet med ett likadant behov, som ni nu står bakom. Motivering: ${input.rationale}`,
    titleEn: `${need.en} was merged into a matching need`,
    messageEn: `The steering group merged the need into a matching need, which you now stand behind. Rationale: ${input.rationale}`,
  };
}

interface SupportInput {
  leadAgencyName: string | null;
  supportTitle: string;
}

/** A draft support names the need. */
export function needAddressedText(input: SupportInput, role: StakeholderRole): NotificationText {
  const need = NEED[role];
  const { supportTitle: title } = input;
  return {
    title: `${need.sv} besvaras: ${title}`,
    message: `${input.leadAgencyName ?? 'En myndighet'} tar fram "${title}", som ska besvara ${need.svObject}`,
    titleEn: `${need.en} is being addressed: ${title}`,
    messageEn: `${input.leadAgencyName ?? 'An agency'} is drafting "${title}" to answer ${need.enObject}`,
  };
}

/** A support naming the need was published. */
export function needAnsweredText(input: SupportInput, role: StakeholderRole): NotificationText {
  const need = NEED[role];
  const { supportTitle: title } = input;
  return {
    title: `${need.sv} har besvarats: ${title}`,
    message: `${input.leadAgencyName ?? 'En myndighet'} har publicerat "${title}", som besvarar ${need.svObject}`,
    titleEn: `${need.en} has been answered: ${title}`,
    messageEn: `${input.leadAgencyName ?? 'An agency'} published "${title}", which answers ${need.enObject}`,
  };
}
