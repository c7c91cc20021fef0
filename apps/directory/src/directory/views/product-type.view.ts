import type { ProductType } from '../domain/product-type';
import { ProductTypeEntity } from '../persistence/product-type.entity';

/** A product type as the API shows it: plain JSON. */
export type ProductTypeView = ProductType;

export function toProductTypeView(entity: ProductTypeEntity): ProductTypeView {
  return { code: entity.code, name: entity.name, nameEn: entity.nameEn, descriptionEn: entity.descriptionEn };
}
