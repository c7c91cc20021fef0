import { Body, Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ENDPOINTS } from '@styrkedjan/access';
import { ActingContext, Ctx, Endpoint } from '@styrkedjan/platform';
import { DraftSupportCommand } from '../commands/draft-support/draft-support.command';
import { PublishSupportCommand } from '../commands/publish-support/publish-support.command';
import { GetSupportQuery } from '../queries/get-support/get-support.query';
import { ListReleasesQuery } from '../queries/list-releases/list-releases.query';
import { ListSupportsQuery } from '../queries/list-supports/list-supports.query';
import { DraftSupportRequest } from './draft-support.request.dto';
import { ListReleasesQueryParams } from './list-releases.query.dto';
import { ListSupportsQueryParams } from './list-supports.query.dto';
import { SupportPageResponse, SupportResponse } from './support.response.dto';

@ApiTags('supports')
@Controller()
export class SupportsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Endpoint(ENDPOINTS.supports.draft)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: SupportResponse })
  @ApiBadRequestResponse({ description: 'A field is invalid or names an unknown area, organisation or need' })
  @ApiForbiddenResponse({ description: 'Only agencies draft supports' })
  draft(@Ctx({ acting: true }) context: ActingContext, @Body() body: DraftSupportRequest) {
    return this.commands.execute(
      new DraftSupportCommand(
        context,
        body.title,
        body.summary,
        body.areaCode,
        body.needIds,
        body.coProducerIds,
        body.plannedReleaseDate ?? null,
      ),
    );
  }

  @Endpoint(ENDPOINTS.supports.publish)
  @HttpCode(HttpStatus.OK)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: SupportResponse })
  @ApiForbiddenResponse({ description: 'Only the lead agency publishes' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Already published (code illegal_transition)' })
  publish(@Ctx({ acting: true }) context: ActingContext, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.commands.execute(new PublishSupportCommand(context, id));
  }

  @Endpoint(ENDPOINTS.supports.list)
  @ApiOkResponse({ type: SupportPageResponse })
  list(@Query() query: ListSupportsQueryParams) {
    return this.queries.execute(
      new ListSupportsQuery({
        status: query.status,
        areaCode: query.areaCode,
        leadAgencyId: query.leadAgencyId,
        plannedFrom: query.plannedFrom,
        plannedTo: query.plannedTo,
        limit: query.limit,
        cursor: query.cursor,
      }),
    );
  }

  // Declared before ':id' so that 'releases' is not taken for an id.
  @Endpoint(ENDPOINTS.supports.listReleases)
  @ApiOkResponse({
    type: SupportPageResponse,
    description: 'Drafts with a planned release date in the range, soonest first',
  })
  releases(@Query() query: ListReleasesQueryParams) {
    return this.queries.execute(
      new ListReleasesQuery({ from: query.from, to: query.to, limit: query.limit, cursor: query.cursor }),
    );
  }

  @Endpoint(ENDPOINTS.supports.get)
  @ApiOkResponse({ type: SupportResponse })
  @ApiNotFoundResponse()
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.queries.execute(new GetSupportQuery(id));
  }
}
