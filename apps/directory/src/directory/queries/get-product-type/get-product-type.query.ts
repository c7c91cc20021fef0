import { Query } from '@nestjs/cqrs';
import { ProductTypeView } from '../../views/product-type.view';

export class GetProductTypeQuery extends Query<ProductTypeView> {
  constructor(readonly code: string) {
    super();
  }
}
