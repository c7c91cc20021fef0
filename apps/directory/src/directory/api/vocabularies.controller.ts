import { Controller, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ENDPOINTS } from '@styrkedjan/access';
import { Endpoint } from '@styrkedjan/platform';
import { GetProductTypeQuery } from '../queries/get-product-type/get-product-type.query';
import { GetTargetGroupQuery } from '../queries/get-target-group/get-target-group.query';
import { ListProductTypesQuery } from '../queries/list-product-types/list-product-types.query';
import { ListTargetGroupsQuery } from '../queries/list-target-groups/list-target-groups.query';
import { SectorFilterQueryParams } from './sector-filter.query.dto';
import { ProductTypeListResponse, ProductTypeResponse } from './product-type.response.dto';
import { TargetGroupListResponse, TargetGroupResponse } from './target-group.response.dto';

/** The controlled vocabularies of who a need or support is about, and of the kinds of knowledge product. */
@ApiTags('vocabularies')
@Controller()
export class VocabulariesController {
  constructor(private readonly queries: QueryBus) {}

  @Endpoint(ENDPOINTS.directory.listTargetGroups)
  @ApiOkResponse({ type: TargetGroupListResponse })
  listTargetGroups(@Query() query: SectorFilterQueryParams) {
    return this.queries.execute(new ListTargetGroupsQuery(query.sector));
  }

  @Endpoint(ENDPOINTS.directory.getTargetGroup)
  @ApiOkResponse({ type: TargetGroupResponse })
  @ApiNotFoundResponse({ description: 'The vocabulary has no such code' })
  getTargetGroup(@Param('code') code: string) {
    return this.queries.execute(new GetTargetGroupQuery(code));
  }

  @Endpoint(ENDPOINTS.directory.listProductTypes)
  @ApiOkResponse({ type: ProductTypeListResponse })
  listProductTypes() {
    return this.queries.execute(new ListProductTypesQuery());
  }

  @Endpoint(ENDPOINTS.directory.getProductType)
  @ApiOkResponse({ type: ProductTypeResponse })
  @ApiNotFoundResponse({ description: 'The vocabulary has no such code' })
  getProductType(@Param('code') code: string) {
    return this.queries.execute(new GetProductTypeQuery(code));
  }
}
