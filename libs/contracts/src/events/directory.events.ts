import { z } from 'zod';
import { ORGANISATION_KINDS, SECTORS } from '../vocabulary';

const organisationSnapshot = z.strictObject({
  organisationId: z.uuid(),
  code: z.string().min(1).max(20),
  name: z.string().min(1).max(200),
  nameEn: z.string().max(200).nullable(),
  kind: z.enum(ORGANISATION_KINDS),
  regionId: z.uuid().nullable(),
  sectors: z.array(z.enum(SECTORS)).max(SECTORS.length),
});

const areaSnapshot = z.strictObject({
  code: z.string().min(1).max(60),
  sector: z.enum(SECTORS),
  name: z.string().min(1).max(200),
  nameEn: z.string().max(200).nullable(),
});

/** An organisation joined the directory (seed or administrator). */
export const organisationRegistered = {
  type: 'organisation.registered',
  version: 1,
  payload: organisationSnapshot,
} as const;
/** An organisation's directory entry changed; the payload is the whole new entry. */
export const organisationUpdated = { type: 'organisation.updated', version: 1, payload: organisationSnapshot } as const;
/** A knowledge area was added to the controlled vocabulary. */
export const areaDefined = { type: 'area.defined', version: 1, payload: areaSnapshot } as const;
/** An area's names or sector changed; the payload is the whole new definition. */
export const areaUpdated = { type: 'area.updated', version: 1, payload: areaSnapshot } as const;

const targetGroupSnapshot = z.strictObject({
  code: z.string().min(1).max(60),
  name: z.string().min(1).max(200),
  nameEn: z.string().max(200).nullable(),
  sectors: z.array(z.enum(SECTORS)).max(SECTORS.length),
});

const productTypeSnapshot = z.strictObject({
  code: z.string().min(1).max(60),
  name: z.string().min(1).max(200),
  nameEn: z.string().max(200).nullable(),
  descriptionEn: z.string().max(1000).nullable(),
});

/** A target group (who a need or support is about) was added to the controlled vocabulary. */
export const targetGroupDefined = { type: 'target-group.defined', version: 1, payload: targetGroupSnapshot } as const;
/** A target group's names or sectors changed; the payload is the whole new definition. */
export const targetGroupUpdated = { type: 'target-group.updated', version: 1, payload: targetGroupSnapshot } as const;
/** A kind of knowledge product (guideline, handbook …) was added to the vocabulary. */
export const productTypeDefined = { type: 'product-type.defined', version: 1, payload: productTypeSnapshot } as const;
/** A product type's names or description changed; the payload is the whole new definition. */
export const productTypeUpdated = { type: 'product-type.updated', version: 1, payload: productTypeSnapshot } as const;
