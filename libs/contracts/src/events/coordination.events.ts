import { z } from 'zod';
import { ORGANISATION_KINDS, SECTORS } from '../vocabulary';
import { audienceSchema } from './lifecycle.events';

const isoDateTime = z.iso.datetime({ offset: true });

export const OVERLAP_KINDS = ['support', 'need'] as const;
export type OverlapKind = (typeof OVERLAP_KINDS)[number];

export const OVERLAP_RESOLUTIONS = ['coordinate', 'distinct', 'merge'] as const;
export type OverlapResolution = (typeof OVERLAP_RESOLUTIONS)[number];

/** One reason an overlap was found, in words: Swedish first, as the chain works in Swedish, and English beside it. */
const reason = z.strictObject({
  code: z.string().min(1).max(40),
  sv: z.string().min(1).max(300),
  en: z.string().min(1).max(300),
});

/**
 * What every overlap event says of the overlap, so that a consumer (notifications, the supports service) needs no
 * projection: the changed draft, what it overlaps (another support, or a need assigned to another agency), and both
 * lead agencies.
 */
const overlapRef = {
  overlapId: z.uuid(),
  kind: z.enum(OVERLAP_KINDS),
  supportId: z.uuid(),
  supportTitle: z.string().min(1).max(200),
  leadAgencyId: z.uuid(),
  /** The other support, for an overlap of two supports; null for an overlap with a need. */
  otherSupportId: z.uuid().nullable(),
  otherSupportTitle: z.string().min(1).max(200).nullable(),
  /** The other support's lead agency, or the agency the need was assigned to. */
  otherLeadAgencyId: z.uuid(),
  /** The need assigned to the other agency, for an overlap with a need. */
  needId: z.uuid().nullable(),
  areaCode: z.string().max(60),
};

/** A draft was found to overlap another agency's support or an assigned need, above the configured threshold. */
export const coordinationOverlapDetected = {
  type: 'coordination.overlap-detected',
  version: 1,
  payload: z.strictObject({
    ...overlapRef,
    /** 0–1; see the README's Coordination section for how it is made. */
    score: z.number().min(0).max(1),
    threshold: z.number().min(0).max(1),
    reasons: z.array(reason).min(1).max(10),
    /** Who both supports are for: the audience they share (empty lists for an overlap with a need). */
    audience: audienceSchema,
    detectedAt: isoDateTime,
  }),
} as const;

/**
 * The agencies (or a steering group) resolved an overlap. `coordinate` names the co-producer the supports service
 * is to add; `merge` names the support to be withdrawn in favour of the other.
 */
export const coordinationOverlapResolved = {
  type: 'coordination.overlap-resolved',
  version: 1,
  payload: z.strictObject({
    ...overlapRef,
    resolution: z.enum(OVERLAP_RESOLUTIONS),
    rationale: z.string().max(2000),
    resolvedByOrganisationId: z.uuid(),
    coProducer: z.strictObject({ supportId: z.uuid(), organisationId: z.uuid() }).nullable(),
    withdrawSupportId: z.uuid().nullable(),
    keepSupportId: z.uuid().nullable(),
    resolvedAt: isoDateTime,
  }),
} as const;

/** An open overlap closed by itself: one of its supports was withdrawn. */
export const coordinationOverlapClosed = {
  type: 'coordination.overlap-closed',
  version: 1,
  payload: z.strictObject({
    ...overlapRef,
    reason: z.enum(['support-withdrawn']),
    withdrawnSupportId: z.uuid(),
    closedAt: isoDateTime,
  }),
} as const;

/** An audience as the calendar counts it: an organisation kind in a sector, and a profession where given. */
const calendarAudience = z.strictObject({
  /** `kind:sector` or `kind:sector:profession`, e.g. `municipality:social`. */
  key: z.string().min(1).max(200),
  organisationKind: z.enum(ORGANISATION_KINDS),
  sector: z.enum(SECTORS),
  profession: z.string().min(1).max(100).nullable(),
});

const collisionWindow = z.strictObject({ from: z.iso.date(), to: z.iso.date(), weeks: z.int().min(1).max(52) });

const collidingSupport = z.strictObject({
  supportId: z.uuid(),
  title: z.string().min(1).max(200),
  leadAgencyId: z.uuid(),
  plannedReleaseDate: z.iso.date(),
});

/** One audience would receive more supports than the configured limit within the sliding window. */
export const coordinationCollisionDetected = {
  type: 'coordination.collision-detected',
  version: 1,
  payload: z.strictObject({
    collisionId: z.uuid(),
    audience: calendarAudience,
    window: collisionWindow,
    limit: z.int().min(1),
    supportIds: z.array(z.uuid()).min(2).max(500),
    supports: z.array(collidingSupport).max(500),
    leadAgencyIds: z.array(z.uuid()).min(1).max(500),
    detectedAt: isoDateTime,
  }),
} as const;

/** A collision no longer holds: a reschedule or a withdrawal brought the audience's load within the limit. */
export const coordinationCollisionCleared = {
  type: 'coordination.collision-cleared',
  version: 1,
  payload: z.strictObject({
    collisionId: z.uuid(),
    audience: calendarAudience,
    window: collisionWindow,
    /** The supports of the collision as it was last recorded. */
    supportIds: z.array(z.uuid()).max(500),
    leadAgencyIds: z.array(z.uuid()).max(500),
    clearedAt: isoDateTime,
  }),
} as const;
