import type { Sector } from '@styrkedjan/contracts';

/** Who a need or a support is about (older people, pupils in need of special support …); its code is its identity. */
export interface TargetGroup {
  code: string;
  name: string;
  nameEn: string | null;
  /** The sectors where the group is used, in the canonical order. */
  sectors: Sector[];
}

export function sameTargetGroup(a: TargetGroup, b: TargetGroup): boolean {
  return (
    a.code === b.code &&
    a.name === b.name &&
    a.nameEn === b.nameEn &&
    a.sectors.length === b.sectors.length &&
    a.sectors.every((sector, index) => b.sectors[index] === sector)
  );
}
