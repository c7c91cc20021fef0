import { Query } from '@nestjs/cqrs';
import { ProductTypeView } from '../../views/product-type.view';

export class ListProductTypesQuery extends Query<{ items: ProductTypeView[] }> {}
