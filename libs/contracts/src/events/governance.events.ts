import { z } from 'zod';
import { APPLICATION_STATUSES, SECTORS } from '../vocabulary';

const isoDateTime = z.iso.datetime({ offset: true });
const answeredNeed = z.strictObject({ needId: z.uuid(), organisationId: z.uuid() });

/** An agency drafted a knowledge support (utkast) answering zero or more needs. */
export const supportDrafted = {
  type: 'support.drafted',
  version: 1,
  payload: z.strictObject({
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
  }),
} as const;

/** The lead agency published a support (publicering); subscribers and the needs' owners are alerted. */
export const supportPublished = {
  type: 'support.published',
  version: 1,
  payload: z.strictObject({
    supportId: z.uuid(),
    leadAgencyId: z.uuid(),
    title: z.string().min(1).max(200),
    areaCode: z.string().max(60),
    sector: z.enum(SECTORS),
    answersNeeds: z.array(answeredNeed).max(100),
    publishedAt: isoDateTime,
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
