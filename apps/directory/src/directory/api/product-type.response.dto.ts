import { ApiProperty } from '@nestjs/swagger';
import { ProductTypeView } from '../views/product-type.view';

export class ProductTypeResponse implements ProductTypeView {
  @ApiProperty({ example: 'guidance' }) code: string;
  @ApiProperty({ example: 'Vägledning' }) name: string;
  @ApiProperty({ nullable: true, type: String, example: 'Guidance' }) nameEn: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'how to apply legislation or knowledge in practice',
  })
  descriptionEn: string | null;
}

export class ProductTypeListResponse {
  @ApiProperty({ type: [ProductTypeResponse] }) items: ProductTypeResponse[];
}
