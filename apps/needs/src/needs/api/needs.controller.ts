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
import { ActingContext, Ctx, Endpoint } from '@styrkedjan/platform';
import { ClarifyNeedCommand } from '../commands/clarify-need/clarify-need.command';
import { EndorseNeedCommand } from '../commands/endorse-need/endorse-need.command';
import { IdentifyNeedCommand } from '../commands/identify-need/identify-need.command';
import { MergeNeedCommand } from '../commands/merge-need/merge-need.command';
import { TriageNeedCommand } from '../commands/triage-need/triage-need.command';
import { WithdrawEndorsementCommand } from '../commands/withdraw-endorsement/withdraw-endorsement.command';
import { GetNeedQuery } from '../queries/get-need/get-need.query';
import { GetNeedTimelineQuery } from '../queries/get-need-timeline/get-need-timeline.query';
import { GetSimilarNeedsQuery } from '../queries/get-similar-needs/get-similar-needs.query';
import { ListNeedsQuery } from '../queries/list-needs/list-needs.query';
import type { NeedView } from '../views/need.view';
import { IdentifyNeedRequest } from './identify-need.request.dto';
import { etagOf, versionFromIfMatch } from './if-match';
import { ListNeedsQueryParams } from './list-needs.query.dto';
import {
  ClarifyNeedRequest,
  EndorseNeedRequest,
  MergeNeedRequest,
  TriageNeedRequest,
} from './need-actions.request.dto';
import {
  IdentifiedNeedResponse,
  NeedPageResponse,
  NeedResponse,
  NeedTimelineResponse,
  SimilarNeedsResponse,
} from './need.response.dto';

const ETAG = {
  ETag: { description: "The need's version: send it back as If-Match to triage", schema: { type: 'string' } },
};

@ApiTags('needs')
@Controller()
export class NeedsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Endpoint(ENDPOINTS.needs.identify)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: IdentifiedNeedResponse, headers: ETAG })
  @ApiBadRequestResponse({ description: 'A field is invalid, or names an unknown area or target group' })
  async identify(
    @Ctx({ acting: true }) context: ActingContext,
    @Body() body: IdentifyNeedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return withEtag(
      reply,
      await this.commands.execute(
        new IdentifyNeedCommand(context, body.title, body.description, body.areaCode, body.targetGroups, body.note),
      ),
    );
  }

  @Endpoint(ENDPOINTS.needs.list)
  @ApiOkResponse({ type: NeedPageResponse })
  list(@Query() query: ListNeedsQueryParams) {
    return this.queries.execute(new ListNeedsQuery(query));
  }

  @Endpoint(ENDPOINTS.needs.get)
  @ApiOkResponse({ type: NeedResponse, headers: ETAG, description: 'A merged need names where it went (mergedInto)' })
  @ApiNotFoundResponse()
  async get(@Param('id', new ParseUUIDPipe()) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return withEtag(reply, await this.queries.execute(new GetNeedQuery(id)));
  }

  @Endpoint(ENDPOINTS.needs.similar)
  @ApiOkResponse({ type: SimilarNeedsResponse })
  @ApiNotFoundResponse()
  similar(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.queries.execute(new GetSimilarNeedsQuery(id));
  }

  @Endpoint(ENDPOINTS.needs.timeline)
  @ApiOkResponse({ type: NeedTimelineResponse })
  @ApiNotFoundResponse()
  timeline(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.queries.execute(new GetNeedTimelineQuery(id));
  }

  @Endpoint(ENDPOINTS.needs.endorse)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: NeedResponse, headers: ETAG })
  @ApiConflictResponse({
    description: 'Already endorsed (already_endorsed), own need (own_need), merged (need_merged)',
  })
  async endorse(
    @Ctx({ acting: true }) context: ActingContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: EndorseNeedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return withEtag(
      reply,
      await this.commands.execute(new EndorseNeedCommand(context, id, body.comment ?? null, body.localContext ?? null)),
    );
  }

  @Endpoint(ENDPOINTS.needs.withdrawEndorsement)
  @ApiOkResponse({ type: NeedResponse, headers: ETAG })
  @ApiNotFoundResponse({ description: 'No such need, or your organisation has not endorsed it' })
  async withdrawEndorsement(
    @Ctx({ acting: true }) context: ActingContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return withEtag(reply, await this.commands.execute(new WithdrawEndorsementCommand(context, id)));
  }

  @Endpoint(ENDPOINTS.needs.triage)
  @HttpCode(HttpStatus.OK)
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'The ETag of the need the decision was made on',
    schema: { type: 'string', maxLength: 20 },
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: NeedResponse, headers: ETAG })
  @ApiBadRequestResponse({ description: 'A field is missing or does not belong to the decision (rationale, …)' })
  @ApiForbiddenResponse({ description: 'Only steering groups triage' })
  @ApiConflictResponse({ description: 'Merged, or already being addressed (illegal_transition)' })
  @ApiPreconditionFailedResponse({ description: 'If-Match is stale: the problem carries the need as it is now' })
  @ApiResponse({ status: 428, description: 'If-Match is missing' })
  @ApiResponse({ status: 422, description: 'leadAgencyId is not an agency, or a named support or need is unknown' })
  async triage(
    @Ctx({ acting: true }) context: ActingContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: TriageNeedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const version = versionFromIfMatch(ifMatch);
    return withEtag(reply, await this.commands.execute(new TriageNeedCommand(context, id, version, body)));
  }

  @Endpoint(ENDPOINTS.needs.clarify)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: NeedResponse, headers: ETAG })
  @ApiForbiddenResponse({ description: 'Only the submitter answers' })
  @ApiConflictResponse({ description: 'No question is open (no_open_question)' })
  async clarify(
    @Ctx({ acting: true }) context: ActingContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ClarifyNeedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return withEtag(reply, await this.commands.execute(new ClarifyNeedCommand(context, id, body.answer)));
  }

  @Endpoint(ENDPOINTS.needs.merge)
  @HttpCode(HttpStatus.OK)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: NeedResponse, headers: ETAG, description: 'The merged need, naming where it went' })
  @ApiConflictResponse({ description: 'Into itself (merge_into_itself), or either need already merged' })
  async merge(
    @Ctx({ acting: true }) context: ActingContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: MergeNeedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return withEtag(
      reply,
      await this.commands.execute(new MergeNeedCommand(context, id, body.intoNeedId, body.rationale)),
    );
  }
}

function withEtag<T extends Pick<NeedView, 'version'>>(reply: FastifyReply, need: T): T {
  void reply.header('ETag', etagOf(need.version));
  return need;
}
