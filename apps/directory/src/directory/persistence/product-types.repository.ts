import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ProductType } from '../domain/product-type';
import { ProductTypeView, toProductTypeView } from '../views/product-type.view';
import { ProductTypeEntity } from './product-type.entity';
import { VocabularyRepository } from './vocabulary.repository';

@Injectable()
export class ProductTypesRepository extends VocabularyRepository<ProductType> {
  constructor(dataSource: DataSource) {
    super(dataSource, ProductTypeEntity, 'Product type', toProductTypeView);
  }

  list(): Promise<ProductTypeView[]> {
    return this.listWhere({});
  }
}
