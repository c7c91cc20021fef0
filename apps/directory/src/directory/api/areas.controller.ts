import { Controller, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ENDPOINTS } from '@styrkedjan/access';
import { Endpoint } from '@styrkedjan/platform';
import { GetAreaQuery } from '../queries/get-area/get-area.query';
import { ListAreasQuery } from '../queries/list-areas/list-areas.query';
import { AreaListResponse, AreaResponse } from './area.response.dto';
import { SectorFilterQueryParams } from './sector-filter.query.dto';

/** The controlled vocabulary of knowledge areas that needs and supports are filed under. */
@ApiTags('areas')
@Controller()
export class AreasController {
  constructor(private readonly queries: QueryBus) {}

  @Endpoint(ENDPOINTS.directory.listAreas)
  @ApiOkResponse({ type: AreaListResponse })
  list(@Query() query: SectorFilterQueryParams) {
    return this.queries.execute(new ListAreasQuery(query.sector));
  }

  @Endpoint(ENDPOINTS.directory.getArea)
  @ApiOkResponse({ type: AreaResponse })
  @ApiNotFoundResponse({ description: 'The vocabulary has no such code' })
  get(@Param('code') code: string) {
    return this.queries.execute(new GetAreaQuery(code));
  }
}
