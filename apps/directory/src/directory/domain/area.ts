import type { Sector } from '@styrkedjan/contracts';

/** A knowledge area in the shared controlled vocabulary; its code is its identity. */
export interface Area {
  code: string;
  sector: Sector;
  name: string;
  nameEn: string | null;
}

export function sameArea(a: Area, b: Area): boolean {
  return a.code === b.code && a.sector === b.sector && a.name === b.name && a.nameEn === b.nameEn;
}
