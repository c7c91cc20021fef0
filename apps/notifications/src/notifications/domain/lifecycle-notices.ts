import type { Notice } from './need-notices';
import { type NotificationReason, type NotificationText, TEXT_PRIORITY } from './notification';

/** The edition a support's first publication makes (support.published); revisions make the later ones. */
export const FIRST_EDITION = '1.0';

/** The paths a notification of a round links to. */
export const consultationLink = (consultationId: string): string => `/consultations/${consultationId}`;
export const reportLink = (consultationId: string): string => `/consultations/${consultationId}/report`;
export const supportLink = (supportId: string): string => `/supports/${supportId}`;

/** The same notice to each of these organisations, once each. */
export function noticesFor(
  organisationIds: Iterable<string>,
  notice: { reason: NotificationReason; text: NotificationText; priority: number; link?: string | null },
): Notice[] {
  return [...new Set(organisationIds)].map((organisationId) => ({ organisationId, ...notice }));
}

/** A round's notices to some of its consultees, linked to the round. */
export function consulteeNotices(
  consultationId: string,
  organisationIds: Iterable<string>,
  text: NotificationText,
): Notice[] {
  return noticesFor(organisationIds, {
    reason: 'consultee',
    text,
    priority: TEXT_PRIORITY.other,
    link: consultationLink(consultationId),
  });
}

const DAY = {
  sv: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', dateStyle: 'long' }),
};

/** A round's deadline as its consultees read it: the Swedish calendar day it ends on ("15 februari 2027"). */
export function deadlineOf(closesAt: string): { sv: string; en: string } {
  const instant = new Date(closesAt);
  return { sv: DAY.sv.format(instant), en: DAY.en.format(instant) };
}

function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const agency = (name: string | null) => ({ sv: name ?? 'En myndighet', en: name ?? 'An agency' });

interface RoundInput {
  leadAgencyName: string | null;
  supportTitle: string;
  edition: string;
}

/** A consultee is invited to comment: on what, from whom, and by when. */
export function consultationOpenedText(input: RoundInput & { closesAt: string }): NotificationText {
  const { supportTitle: title, edition } = input;
  const by = deadlineOf(input.closesAt);
  const from = agency(input.leadAgencyName);
  return {
    title: `Remiss: ${title}`,
    message: `${from.sv} skickar "${title}" (utgåva ${edition}) på remiss till er. Svara senast ${by.sv}.`,
    titleEn: `Consultation: ${title}`,
    messageEn: `${from.en} invites you to comment on "${title}" (edition ${edition}). Respond by ${by.en}.`,
  };
}

/** The deadline moved later, and why. */
export function consultationExtendedText(input: {
  supportTitle: string;
  closesAt: string;
  reason: string;
}): NotificationText {
  const { supportTitle: title, reason } = input;
  const by = deadlineOf(input.closesAt);
  return {
    title: `Remisstiden har förlängts: ${title}`,
    message: `Remissen av "${title}" stänger nu ${by.sv}. Skäl: ${reason}`,
    titleEn: `Consultation extended: ${title}`,
    messageEn: `The consultation on "${title}" now closes on ${by.en}. Reason: ${reason}`,
  };
}

/** A consultee that has not yet submitted is reminded of the deadline. */
export function consultationClosingSoonText(input: { supportTitle: string; closesAt: string }): NotificationText {
  const { supportTitle: title } = input;
  const by = deadlineOf(input.closesAt);
  return {
    title: `Påminnelse: remissen av ${title} stänger snart`,
    message: `Ni har ännu inte lämnat ert remissvar på "${title}". Svara senast ${by.sv}.`,
    titleEn: `Reminder: the consultation on ${title} closes soon`,
    messageEn: `You have not yet submitted your response on "${title}". Respond by ${by.en}.`,
  };
}

/** The lead agency's round closed: how many responded and how many comments await its answers. */
export function consultationClosedText(input: {
  supportTitle: string;
  invited: number;
  responded: number;
  commentCount: number;
}): NotificationText {
  const { supportTitle: title, invited, responded, commentCount } = input;
  const rate = invited === 0 ? 0 : Math.round((100 * responded) / invited);
  return {
    title: `Remissen har stängt: ${title}`,
    message:
      `${responded} av ${invited} remissinstanser har svarat (${rate} %), ` +
      `med ${counted(commentCount, 'synpunkt', 'synpunkter')} att besvara.`,
    titleEn: `Consultation closed: ${title}`,
    messageEn:
      `${responded} of ${invited} consultees responded (${rate}%), ` +
      `with ${counted(commentCount, 'comment', 'comments')} to answer.`,
  };
}

/** An edition was published after a round: those who commented read how their comments were answered. */
export function commentsAnsweredText(input: RoundInput): NotificationText {
  const { supportTitle: title, edition } = input;
  const from = agency(input.leadAgencyName);
  return {
    title: `Era synpunkter har besvarats: ${title}`,
    message: `${from.sv} har publicerat "${title}" (utgåva ${edition}). Sammanställningen visar hur era synpunkter har besvarats.`,
    titleEn: `Your comments have been answered: ${title}`,
    messageEn: `${from.en} published "${title}" (edition ${edition}). The report shows how your comments were answered.`,
  };
}

/** Why a support's revision or withdrawal concerns an organisation, as its words say it. */
export type Concern = 'follower' | 'submitter' | 'applier';

function concerning(concern: Concern, areaName: string): { sv: string; en: string } {
  switch (concern) {
    case 'follower':
      return { sv: ` inom ${areaName}`, en: ` in ${areaName}` };
    case 'submitter':
      return {
        sv: ', som besvarar ett behov som er organisation har lämnat in',
        en: ', which answers a need your organisation submitted',
      };
    case 'applier':
      return { sv: ', som ni har rapporterat att ni har infört', en: ', which you reported having applied' };
  }
}

/** Those a support's major revision or withdrawal concerns, besides the area's followers. */
export interface Concerned {
  areaCode: string;
  /** The submitters of the needs it answers. */
  submitterIds: readonly string[];
  /** The organisations that last reported it applied. */
  applierIds: readonly string[];
}

/** The notices to everyone concerned, each worded for why it is concerned; the followers as one group. */
export function concernedNotices(
  concerned: Concerned,
  textFor: (concern: Concern) => NotificationText,
  link: string | null = null,
): { notices: Notice[]; followers: Omit<Notice, 'organisationId'> & { areaCode: string } } {
  return {
    notices: [
      ...noticesFor(concerned.submitterIds, {
        reason: 'answers_your_need',
        text: textFor('submitter'),
        priority: TEXT_PRIORITY.submitter,
        link,
      }),
      ...noticesFor(concerned.applierIds, {
        reason: 'applied_it',
        text: textFor('applier'),
        priority: TEXT_PRIORITY.applier,
        link,
      }),
    ],
    followers: {
      areaCode: concerned.areaCode,
      reason: 'subscribed_area',
      text: textFor('follower'),
      priority: TEXT_PRIORITY.other,
      link,
    },
  };
}

interface SupportInput {
  leadAgencyName: string | null;
  supportTitle: string;
  areaName: string;
}

/** A major revision is in force. */
export function supportRevisedText(
  input: SupportInput & { edition: string; changeNote: string },
  concern: Concern,
): NotificationText {
  const { supportTitle: title, edition, changeNote } = input;
  const from = agency(input.leadAgencyName);
  const why = concerning(concern, input.areaName);
  return {
    title: `Ny utgåva: ${title} ${edition}`,
    message: `${from.sv} har gjort en större revidering av "${title}"${why.sv}. Utgåva ${edition} gäller nu. Ändring: ${changeNote}`,
    titleEn: `New edition: ${title} ${edition}`,
    messageEn: `${from.en} made a major revision of "${title}"${why.en}. Edition ${edition} is now in force. Change: ${changeNote}`,
  };
}

/** A support was withdrawn: why, and what replaces it, named when this service has seen it published. */
export function supportWithdrawnText(
  input: SupportInput & { reason: string; replaced: boolean; replacementTitle: string | null },
  concern: Concern,
): NotificationText {
  const { supportTitle: title, reason, replacementTitle } = input;
  const from = agency(input.leadAgencyName);
  const why = concerning(concern, input.areaName);
  const instead = !input.replaced
    ? { sv: 'Inget kunskapsstöd ersätter det.', en: 'No support replaces it.' }
    : replacementTitle
      ? { sv: `Det ersätts av "${replacementTitle}".`, en: `It is replaced by "${replacementTitle}".` }
      : { sv: 'Det ersätts av ett annat kunskapsstöd.', en: 'Another support replaces it.' };
  return {
    title: `Återkallat: ${title}`,
    message: `${from.sv} har återkallat "${title}"${why.sv}. ${instead.sv} Skäl: ${reason}`,
    titleEn: `Withdrawn: ${title}`,
    messageEn: `${from.en} withdrew "${title}"${why.en}. ${instead.en} Reason: ${reason}`,
  };
}

/** A region's addition to a national support, to the municipalities of the region. */
export function regionalAdditionText(input: {
  regionName: string | null;
  supportTitle: string;
  title: string;
}): NotificationText {
  const { supportTitle, title } = input;
  return {
    title: `Regionalt tillägg: ${supportTitle}`,
    message: `${input.regionName ?? 'Er region'} har publicerat ett regionalt tillägg till "${supportTitle}": ${title}`,
    titleEn: `Regional addition: ${supportTitle}`,
    messageEn: `${input.regionName ?? 'Your region'} published a regional addition to "${supportTitle}": ${title}`,
  };
}
