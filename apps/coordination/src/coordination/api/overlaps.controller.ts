import { Body, Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ENDPOINTS } from '@styrkedjan/access';
import { ActingContext, Ctx, Endpoint } from '@styrkedjan/platform';
import { ResolveOverlapCommand } from '../commands/resolve-overlap/resolve-overlap.command';
import { GetOverlapQuery } from '../queries/get-overlap/get-overlap.query';
import { ListOverlapsQuery } from '../queries/list-overlaps/list-overlaps.query';
import { OverlapPageResponse, OverlapResponse } from './coordination.response.dto';
import { ListOverlapsQueryParams } from './list-overlaps.query.dto';
import { ResolveOverlapRequest } from './resolve-overlap.request.dto';

@ApiTags('coordination')
@Controller()
export class OverlapsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Endpoint(ENDPOINTS.coordination.listOverlaps)
  @ApiOkResponse({ type: OverlapPageResponse })
  @ApiBadRequestResponse({ description: 'A filter is invalid' })
  list(@Query() query: ListOverlapsQueryParams) {
    return this.queries.execute(
      new ListOverlapsQuery({
        status: query.status,
        agencyId: query.agencyId?.toLowerCase(),
        limit: query.limit,
        cursor: query.cursor,
      }),
    );
  }

  @Endpoint(ENDPOINTS.coordination.getOverlap)
  @ApiOkResponse({ type: OverlapResponse })
  @ApiNotFoundResponse({ description: 'No such overlap' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.queries.execute(new GetOverlapQuery(id.toLowerCase()));
  }

  @Endpoint(ENDPOINTS.coordination.resolveOverlap)
  @HttpCode(HttpStatus.OK)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: OverlapResponse })
  @ApiBadRequestResponse({ description: 'distinct without a rationale; merge naming a support outside the overlap' })
  @ApiForbiddenResponse({ description: 'Only the agencies the overlap concerns, and steering groups' })
  @ApiNotFoundResponse({ description: 'No such overlap' })
  @ApiConflictResponse({ description: 'Already resolved or closed (code overlap_not_open)' })
  resolve(
    @Ctx({ acting: true }) context: ActingContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ResolveOverlapRequest,
  ) {
    return this.commands.execute(
      new ResolveOverlapCommand(
        context,
        id.toLowerCase(),
        body.resolution,
        body.rationale ?? '',
        body.withdrawSupportId ?? null,
      ),
    );
  }
}
