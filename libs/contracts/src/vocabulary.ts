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
