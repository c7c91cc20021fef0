import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProductTypesRepository } from '../../persistence/product-types.repository';
import { ProductTypeView } from '../../views/product-type.view';
import { ListProductTypesQuery } from './list-product-types.query';

@QueryHandler(ListProductTypesQuery)
export class ListProductTypesHandler implements IQueryHandler<ListProductTypesQuery, { items: ProductTypeView[] }> {
  constructor(private readonly productTypes: ProductTypesRepository) {}

  async execute(): Promise<{ items: ProductTypeView[] }> {
    return { items: await this.productTypes.list() };
  }
}
