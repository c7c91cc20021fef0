import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@styrkedjan/platform';
import { ProductTypesRepository } from '../../persistence/product-types.repository';
import { ProductTypeView } from '../../views/product-type.view';
import { GetProductTypeQuery } from './get-product-type.query';

@QueryHandler(GetProductTypeQuery)
export class GetProductTypeHandler implements IQueryHandler<GetProductTypeQuery, ProductTypeView> {
  constructor(private readonly productTypes: ProductTypesRepository) {}

  async execute(query: GetProductTypeQuery): Promise<ProductTypeView> {
    const type = await this.productTypes.findView(query.code);
    if (!type) throw new NotFound('Product type', query.code);
    return type;
  }
}
