import { z } from 'zod';
import { APPLICATION_STATUSES, SECTORS } from '../vocabulary';
import { draftContent, editionLabel, FIRST_EDITION, NO_AUDIENCE } from './lifecycle.events';

const isoDateTime = z.iso.datetime({ offset: true });
const answeredNeed = z.strictObject({ needId: z.uuid(), organisationId: z.uuid() });

const supportDraftedV1Payload = z.strictObject({
  supportId: z.uuid(),
  leadAgencyId: z.uuid(),
  coProducerIds: z.array(z.uuid()).max(50),
  title: z.string().min(1).max(200),
  summary: z.string().max(5000),
  areaCode: z.string().max(60),
  sector: z.enum(SECTORS),
  answersNeeds: z.array(answeredNeed).max(100),
  plannedReleaseDate: z.iso.date().nullable(),
  draftedAt: isoDateTime,
});

/**
 * An agency drafted a knowledge support (utkast) answering zero or more needs: v2 names its product type,
 * target groups and audience, and the edition it will become (1.0).
 */
export const supportDrafted = {
  type: 'support.drafted',
  version: 2,
  payload: z.strictObject({ ...draftContent, draftedAt: isoDateTime }),
} as const;

/** v1, before product types, target groups and audiences. Still read (upcast to v2), never written. */
export const supportDraftedV1 = {
  type: 'support.drafted',
  version: 1,
  payload: supportDraftedV1Payload,
  upcast: (payload: z.infer<typeof supportDraftedV1Payload>): z.infer<typeof supportDrafted.payload> => ({
    ...payload,
    productType: null,
    targetGroups: [],
    audience: { ...NO_AUDIENCE },
    edition: FIRST_EDITION,
  }),
} as const;

const supportPublishedV1Payload = z.strictObject({
  supportId: z.uuid(),
  leadAgencyId: z.uuid(),
  title: z.string().min(1).max(200),
  areaCode: z.string().max(60),
  sector: z.enum(SECTORS),
  answersNeeds: z.array(answeredNeed).max(100),
  publishedAt: isoDateTime,
});

/**
 * The lead agency published a support (publicering): edition 1.0 is in force. v2 carries the content as published
 * (summary, product type, target groups, audience, co-producers) so that those who tell of it need no projection.
 */
export const supportPublished = {
  type: 'support.published',
  version: 2,
  payload: z.strictObject({
    ...supportPublishedV1Payload.shape,
    coProducerIds: draftContent.coProducerIds,
    summary: draftContent.summary,
    productType: draftContent.productType,
    targetGroups: draftContent.targetGroups,
    audience: draftContent.audience,
    edition: editionLabel,
  }),
} as const;

/** v1, before editions: read as edition 1.0 with what it did not say left empty. Never written. */
export const supportPublishedV1 = {
  type: 'support.published',
  version: 1,
  payload: supportPublishedV1Payload,
  upcast: (payload: z.infer<typeof supportPublishedV1Payload>): z.infer<typeof supportPublished.payload> => ({
    ...payload,
    coProducerIds: [],
    summary: '',
    productType: null,
    targetGroups: [],
    audience: { ...NO_AUDIENCE },
    edition: FIRST_EDITION,
  }),
} as const;

/** An organisation told the lead agency how a published support works in practice (återkoppling). */
export const feedbackReceived = {
  type: 'feedback.received',
  version: 1,
  payload: z.strictObject({
    feedbackId: z.uuid(),
    supportId: z.uuid(),
    leadAgencyId: z.uuid(),
    supportTitle: z.string().max(200),
    organisationId: z.uuid(),
    usefulness: z.int().min(1).max(5),
    applicationStatus: z.enum(APPLICATION_STATUSES),
    comment: z.string().max(5000),
    receivedAt: isoDateTime,
  }),
} as const;
