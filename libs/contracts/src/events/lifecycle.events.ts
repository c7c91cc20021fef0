import { z } from 'zod';
import { ORGANISATION_KINDS, REVISION_CHANGES, SECTORS } from '../vocabulary';
import { targetGroupCode } from './needs.events';

const isoDateTime = z.iso.datetime({ offset: true });
const answeredNeed = z.strictObject({ needId: z.uuid(), organisationId: z.uuid() });

/** A code of the controlled vocabulary of knowledge product types (`product-type.defined`). */
export const productTypeCode = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(60);

/** A support's edition as readers cite it: 1.0 when first published, 2.0 after a major revision, 1.1 after a minor one. */
export const editionLabel = z
  .string()
  .regex(/^\d{1,3}\.\d{1,3}$/)
  .max(7);

/** The edition a support first becomes, and the one a draft of a never-published support is. */
export const FIRST_EDITION = '1.0';

/**
 * Who must apply a support: organisation kinds and sectors (municipalities in social services), and optionally
 * professions by name. Empty lists only on drafts made before audiences existed.
 */
export const audienceSchema = z.strictObject({
  organisationKinds: z.array(z.enum(ORGANISATION_KINDS)).max(ORGANISATION_KINDS.length),
  sectors: z.array(z.enum(SECTORS)).max(SECTORS.length),
  professions: z.array(z.string().min(1).max(100)).max(20),
});
export type Audience = z.infer<typeof audienceSchema>;

/** The audience of a draft made before audiences existed. */
export const NO_AUDIENCE: Audience = { organisationKinds: [], sectors: [], professions: [] };

/** A draft edition's content as edited: the whole of it after the change, so a consumer needs no history. */
export const draftContent = {
  supportId: z.uuid(),
  leadAgencyId: z.uuid(),
  coProducerIds: z.array(z.uuid()).max(50),
  title: z.string().min(1).max(200),
  summary: z.string().max(5000),
  areaCode: z.string().max(60),
  sector: z.enum(SECTORS),
  productType: productTypeCode.nullable(),
  targetGroups: z.array(targetGroupCode).max(25),
  audience: audienceSchema,
  answersNeeds: z.array(answeredNeed).max(100),
  plannedReleaseDate: z.iso.date().nullable(),
  /** The edition this draft will become when published. */
  edition: editionLabel,
};

/** The lead agency or a co-producer edited a draft; the payload is the whole draft after the edit. */
export const supportUpdated = {
  type: 'support.updated',
  version: 1,
  payload: z.strictObject({
    ...draftContent,
    /** The fields the edit changed, by their names in this payload. */
    changed: z.array(z.string().max(60)).min(1).max(20),
    updatedAt: isoDateTime,
  }),
} as const;

/** A planned release date moved, with the reason the support's history keeps. */
export const supportRescheduled = {
  type: 'support.rescheduled',
  version: 1,
  payload: z.strictObject({
    supportId: z.uuid(),
    leadAgencyId: z.uuid(),
    title: z.string().min(1).max(200),
    areaCode: z.string().max(60),
    previousDate: z.iso.date().nullable(),
    plannedReleaseDate: z.iso.date().nullable(),
    reason: z.string().min(1).max(2000),
    rescheduledAt: isoDateTime,
  }),
} as const;

/** The lead agency began a revision: a new draft edition, while the published one stays in force. */
export const supportRevisionStarted = {
  type: 'support.revision-started',
  version: 1,
  payload: z.strictObject({
    supportId: z.uuid(),
    leadAgencyId: z.uuid(),
    title: z.string().min(1).max(200),
    areaCode: z.string().max(60),
    change: z.enum(REVISION_CHANGES),
    changeNote: z.string().min(1).max(2000),
    inForce: editionLabel,
    edition: editionLabel,
    startedAt: isoDateTime,
  }),
} as const;

/** A revision was published: the new edition is in force. A major one alerts those concerned, a minor one no one. */
export const supportRevised = {
  type: 'support.revised',
  version: 1,
  payload: z.strictObject({
    supportId: z.uuid(),
    leadAgencyId: z.uuid(),
    title: z.string().min(1).max(200),
    summary: z.string().max(5000),
    areaCode: z.string().max(60),
    sector: z.enum(SECTORS),
    productType: productTypeCode.nullable(),
    targetGroups: z.array(targetGroupCode).max(25),
    audience: audienceSchema,
    answersNeeds: z.array(answeredNeed).max(100),
    change: z.enum(REVISION_CHANGES),
    changeNote: z.string().min(1).max(2000),
    previousEdition: editionLabel,
    edition: editionLabel,
    revisedAt: isoDateTime,
  }),
} as const;

/** A support was withdrawn (återkallad), with a reason and perhaps the support that replaces it; it stays readable. */
export const supportWithdrawn = {
  type: 'support.withdrawn',
  version: 1,
  payload: z.strictObject({
    supportId: z.uuid(),
    leadAgencyId: z.uuid(),
    title: z.string().min(1).max(200),
    areaCode: z.string().max(60),
    sector: z.enum(SECTORS),
    answersNeeds: z.array(answeredNeed).max(100),
    reason: z.string().min(1).max(2000),
    replacedBySupportId: z.uuid().nullable(),
    /** The edition that was in force, or null when a draft that was never published was withdrawn. */
    edition: editionLabel.nullable(),
    withdrawnAt: isoDateTime,
  }),
} as const;

/** A region published its own addition (regionalt tillägg) to a national support, for its municipalities. */
export const supportRegionalAdditionPublished = {
  type: 'support.regional-addition-published',
  version: 1,
  payload: z.strictObject({
    additionId: z.uuid(),
    supportId: z.uuid(),
    supportTitle: z.string().min(1).max(200),
    leadAgencyId: z.uuid(),
    regionId: z.uuid(),
    title: z.string().min(1).max(200),
    summary: z.string().max(5000),
    url: z.url().max(2000).nullable(),
    publishedAt: isoDateTime,
  }),
} as const;
