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
