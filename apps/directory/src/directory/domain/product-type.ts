/** A kind of knowledge product (national guidelines, guidance, handbook …); its code is its identity. */
export interface ProductType {
  code: string;
  name: string;
  nameEn: string | null;
  descriptionEn: string | null;
}

export function sameProductType(a: ProductType, b: ProductType): boolean {
  return a.code === b.code && a.name === b.name && a.nameEn === b.nameEn && a.descriptionEn === b.descriptionEn;
}
