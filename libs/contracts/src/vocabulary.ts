/** Words shared by every service; the Swedish terms are in the project glossary. */
export const SECTORS = ['health', 'social', 'education'] as const;
export type Sector = (typeof SECTORS)[number];

export const ORGANISATION_KINDS = [
  'government',
  'agency',
  'region',
  'municipality',
  'association',
  'patient_organisation',
  'profession',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const APPLICATION_STATUSES = ['applied', 'planned', 'not_applicable', 'lacks_capacity'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * Where a need is in the chain. identified → under-review → accepted / declined / deferred / merged →
 * being-addressed → answered.
 */
export const NEED_STAGES = [
  'identified',
  'under-review',
  'accepted',
  'declined',
  'deferred',
  'merged',
  'being-addressed',
  'answered',
] as const;
export type NeedStage = (typeof NEED_STAGES)[number];

/** A steering group's triage decision; `more-information-needed` asks the submitter a question first. */
export const TRIAGE_DECISIONS = ['accepted', 'declined', 'deferred', 'more-information-needed'] as const;
export type TriageDecision = (typeof TRIAGE_DECISIONS)[number];

/** Why a need was declined. */
export const DECLINE_REASONS = [
  'purely-local',
  'met-by-existing-support',
  'not-a-knowledge-gap',
  'out-of-scope',
  'duplicate',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** How much a revision changes a published support: a major one alerts those concerned, a minor one only enters the history. */
export const REVISION_CHANGES = ['major', 'minor'] as const;
export type RevisionChange = (typeof REVISION_CHANGES)[number];

/** The lead agency's answer to a consultation comment, as a consultation report (remissammanställning) states it. */
export const COMMENT_OUTCOMES = ['accepted', 'partly-accepted', 'not-accepted', 'noted'] as const;
export type CommentOutcome = (typeof COMMENT_OUTCOMES)[number];
