import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { decodeCursor, invalidField } from '@styrkedjan/platform';
import { GetPipelineQuery } from '../queries/get-pipeline/get-pipeline.query';
import { GetPipelineQueryParams } from './get-pipeline.query.dto';
import { PipelineResponse } from './pipeline.response.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@ApiTags('pipeline')
@Controller('pipeline')
export class PipelineController {
  constructor(private readonly queries: QueryBus) {}

  /** For steering: how many needs and supports are in each stage, and both lists, for an area and/or sector. */
  @Get()
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

/** A cursor's (time, id), checked here so a forged one is a 400 naming its field, not a database error. */
function keyset(cursor: string | undefined, field: string): [string, string] | undefined {
  let parts: (string | number)[] | null;
  try {
    parts = decodeCursor(cursor, 2);
  } catch {
    parts = [];
  }
  if (parts === null) return undefined;
  const [at, id] = parts;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'string' || !UUID.test(id)) {
    throw invalidField(field, 'is not a cursor this list returned');
  }
  return [at, id];
}
