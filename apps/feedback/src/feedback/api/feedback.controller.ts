import { Body, Controller, Param, ParseUUIDPipe, Query } from '@nestjs/common';
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
import { GiveFeedbackCommand } from '../commands/give-feedback/give-feedback.command';
import { ListFeedbackQuery } from '../queries/list-feedback/list-feedback.query';
import { FeedbackPageResponse, FeedbackResponse } from './feedback.response.dto';
import { GiveFeedbackRequest } from './give-feedback.request.dto';
import { ListFeedbackQueryParams } from './list-feedback.query.dto';

@ApiTags('feedback')
@Controller()
export class FeedbackController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Endpoint(ENDPOINTS.feedback.give)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: FeedbackResponse })
  @ApiBadRequestResponse({ description: 'A field is invalid' })
  @ApiForbiddenResponse({
    description: 'Only municipalities, regions, professions and patient organisations give feedback',
  })
  @ApiNotFoundResponse({ description: 'No such support' })
  @ApiConflictResponse({ description: 'The support is still a draft (code illegal_transition)' })
  give(
    @Ctx({ acting: true }) context: ActingContext,
    @Param('id', new ParseUUIDPipe()) supportId: string,
    @Body() body: GiveFeedbackRequest,
  ) {
    return this.commands.execute(
      new GiveFeedbackCommand(context, supportId, body.usefulness, body.applicationStatus, body.comment ?? ''),
    );
  }

  @Endpoint(ENDPOINTS.feedback.list)
  @ApiOkResponse({ type: FeedbackPageResponse })
  @ApiNotFoundResponse({ description: 'No such support' })
  list(@Param('id', new ParseUUIDPipe()) supportId: string, @Query() query: ListFeedbackQueryParams) {
    return this.queries.execute(new ListFeedbackQuery({ supportId, limit: query.limit, cursor: query.cursor }));
  }
}
