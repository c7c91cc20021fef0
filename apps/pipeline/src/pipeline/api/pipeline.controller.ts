import { Controller, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ENDPOINTS } from '@styrkedjan/access';
import { decodeTimeIdCursor, Endpoint } from '@styrkedjan/platform';
import { GetPipelineQuery } from '../queries/get-pipeline/get-pipeline.query';
import { GetPipelineQueryParams } from './get-pipeline.query.dto';
import { PipelineResponse } from './pipeline.response.dto';

@ApiTags('pipeline')
@Controller()
export class PipelineController {
  constructor(private readonly queries: QueryBus) {}

  /** For steering: how many needs and supports are in each stage, and both lists, for an area and/or sector. */
  @Endpoint(ENDPOINTS.pipeline.get)
  @ApiOkResponse({ type: PipelineResponse })
  get(@Query() query: GetPipelineQueryParams) {
    return this.queries.execute(
      new GetPipelineQuery({
        areaCode: query.areaCode,
        sector: query.sector,
        limit: query.limit,
        needsAfter: keyset(query.needsCursor, 'needsCursor'),
        supportsAfter: keyset(query.supportsCursor, 'supportsCursor'),
      }),
    );
  }
}

/** The repository takes a cursor as its (time, id) sort key. */
function keyset(cursor: string | undefined, field: string): [string, string] | undefined {
  const after = decodeTimeIdCursor(cursor, field);
  return after ? [after.at, after.id] : undefined;
}
