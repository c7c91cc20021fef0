import { Body, Controller, Headers, HttpCode, HttpStatus, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ENDPOINTS } from '@styrkedjan/access';
import { ActingContext, Ctx, Endpoint, etagOf, PageQuery, versionFromIfMatch } from '@styrkedjan/platform';
import { AddRegionalAdditionCommand } from '../commands/add-regional-addition/add-regional-addition.command';
import { EditSupportCommand } from '../commands/edit-support/edit-support.command';
import { StartRevisionCommand } from '../commands/start-revision/start-revision.command';
import { WithdrawSupportCommand } from '../commands/withdraw-support/withdraw-support.command';
import { GetHistoryQuery } from '../queries/get-history/get-history.query';
import { ListRegionalAdditionsQuery } from '../queries/list-regional-additions/list-regional-additions.query';
import { ListVersionsQuery } from '../queries/list-versions/list-versions.query';
import { DraftSupportCommand } from '../commands/draft-support/draft-support.command';
import { PublishSupportCommand } from '../commands/publish-support/publish-support.command';
import { GetSupportQuery } from '../queries/get-support/get-support.query';
import { ListReleasesQuery } from '../queries/list-releases/list-releases.query';
import { ListSupportsQuery } from '../queries/list-supports/list-supports.query';
import { DraftSupportRequest } from './draft-support.request.dto';
import { ListReleasesQueryParams } from './list-releases.query.dto';
import { ListSupportsQueryParams } from './list-supports.query.dto';
import {
  AddRegionalAdditionRequest,
  EditSupportRequest,
  StartRevisionRequest,
  WithdrawSupportRequest,
} from './lifecycle.request.dto';
import {
  EditionListResponse,
  HistoryResponse,
  RegionalAdditionPageResponse,
  RegionalAdditionResponse,
  SupportDetailResponse,
  SupportPageResponse,
  SupportResponse,
} from './support.response.dto';

const ETAG = {
  ETag: { description: "The support's version: send it back as If-Match to edit", schema: { type: 'string' } },
};

@ApiTags('supports')
@Controller()
export class SupportsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Endpoint(ENDPOINTS.supports.draft)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: SupportResponse, headers: ETAG })
  @ApiBadRequestResponse({
    description:
      'A field is invalid or names an unknown area, organisation, need, product type or target group (by its index)',
  })
  @ApiForbiddenResponse({ description: 'Only agencies draft supports' })
  async draft(
    @Ctx({ acting: true }) context: ActingContext,
    @Body() body: DraftSupportRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const drafted = await this.commands.execute(
      new DraftSupportCommand(
        context,
        body.title,
        body.summary,
        body.areaCode,
        body.needIds,
        body.coProducerIds,
        body.plannedReleaseDate ?? null,
        {
          productType: body.productType ?? null,
          targetGroups: body.targetGroups ?? [],
          audience: body.audience ?? null,
        },
      ),
    );
    return withEtag(reply, drafted);
  }

  @Endpoint(ENDPOINTS.supports.edit)
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'The ETag of the support the edit was made on',
    schema: { type: 'string', maxLength: 20 },
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: SupportResponse, headers: ETAG })
  @ApiBadRequestResponse({ description: 'A field is invalid; moving plannedReleaseDate without rescheduleReason' })
  @ApiForbiddenResponse({ description: 'Only the lead agency and its co-producers edit' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'No draft edition to edit (no_draft), or withdrawn' })
  @ApiPreconditionFailedResponse({ description: 'If-Match is stale: the problem carries the support as it is now' })
  @ApiResponse({ status: 428, description: 'If-Match is missing' })
  async edit(
    @Ctx({ acting: true }) context: ActingContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: EditSupportRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const version = versionFromIfMatch(ifMatch, {
      required: 'An edit must name the version it was made on: send the ETag of GET /supports/{id} as If-Match.',
      malformed: 'must be the ETag of the support, such as "3"',
    });
    const { rescheduleReason, audience, ...changes } = body;
    const edited = await this.commands.execute(
      new EditSupportCommand(
        context,
        id,
        version,
        { ...changes, ...(audience ? { audience: { ...audience } } : {}) },
        rescheduleReason ?? null,
      ),
    );
    return withEtag(reply, edited);
  }

  @Endpoint(ENDPOINTS.supports.publish)
  @HttpCode(HttpStatus.OK)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: SupportResponse, headers: ETAG })
  @ApiForbiddenResponse({ description: 'Only the lead agency publishes' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({
    description:
      'Already published or withdrawn (illegal_transition); a round of consultation still open (consultation_open); comments unanswered (comments_unanswered, "12 of 40 comments are unanswered")',
  })
  async publish(
    @Ctx({ acting: true }) context: ActingContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return withEtag(reply, await this.commands.execute(new PublishSupportCommand(context, id)));
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
  @ApiOkResponse({ type: SupportDetailResponse, headers: ETAG })
  @ApiNotFoundResponse()
  async get(@Param('id', new ParseUUIDPipe()) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return withEtag(reply, await this.queries.execute(new GetSupportQuery(id)));
  }

  @Endpoint(ENDPOINTS.supports.history)
  @ApiOkResponse({ type: HistoryResponse })
  @ApiNotFoundResponse()
  history(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.queries.execute(new GetHistoryQuery(id));
  }

  @Endpoint(ENDPOINTS.supports.versions)
  @ApiOkResponse({ type: EditionListResponse })
  @ApiNotFoundResponse()
  versions(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.queries.execute(new ListVersionsQuery(id));
  }

  @Endpoint(ENDPOINTS.supports.revise)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: SupportResponse, headers: ETAG })
  @ApiForbiddenResponse({ description: 'Only the lead agency revises' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'A draft (not_published), withdrawn, or a revision already in progress' })
  async revise(
    @Ctx({ acting: true }) context: ActingContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: StartRevisionRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return withEtag(
      reply,
      await this.commands.execute(new StartRevisionCommand(context, id, body.change, body.changeNote)),
    );
  }

  @Endpoint(ENDPOINTS.supports.withdraw)
  @HttpCode(HttpStatus.OK)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: SupportResponse, headers: ETAG })
  @ApiBadRequestResponse({ description: 'No reason; a replacement that is unknown, withdrawn or the support itself' })
  @ApiForbiddenResponse({ description: 'Only the lead agency withdraws' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Already withdrawn (illegal_transition)' })
  async withdraw(
    @Ctx({ acting: true }) context: ActingContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: WithdrawSupportRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return withEtag(
      reply,
      await this.commands.execute(
        new WithdrawSupportCommand(context, id, body.reason, body.replacedBySupportId ?? null),
      ),
    );
  }

  @Endpoint(ENDPOINTS.supports.addRegionalAddition)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RegionalAdditionResponse })
  @ApiForbiddenResponse({ description: 'Only regions add regional additions' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The support is a draft (not_published) or withdrawn' })
  addRegionalAddition(
    @Ctx({ acting: true }) context: ActingContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AddRegionalAdditionRequest,
  ) {
    return this.commands.execute(
      new AddRegionalAdditionCommand(context, id, body.title, body.summary, body.url ?? null),
    );
  }

  @Endpoint(ENDPOINTS.supports.listRegionalAdditions)
  @ApiOkResponse({ type: RegionalAdditionPageResponse })
  @ApiNotFoundResponse({ description: 'No such organisation' })
  regionalAdditions(@Param('regionId', new ParseUUIDPipe()) regionId: string, @Query() query: PageQuery) {
    return this.queries.execute(new ListRegionalAdditionsQuery(regionId, query.limit, query.cursor));
  }
}

function withEtag<T extends { version: number }>(reply: FastifyReply, support: T): T {
  void reply.header('ETag', etagOf(support.version));
  return support;
}
