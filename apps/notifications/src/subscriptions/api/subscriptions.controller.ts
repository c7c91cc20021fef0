import { Body, Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ENDPOINTS } from '@styrkedjan/access';
import { ActingContext, Ctx, Endpoint } from '@styrkedjan/platform';
import { ReplaceSubscriptionsCommand } from '../commands/replace-subscriptions/replace-subscriptions.command';
import { GetSubscriptionsQuery } from '../queries/get-subscriptions/get-subscriptions.query';
import { ReplaceSubscriptionsRequest } from './replace-subscriptions.request.dto';
import { SubscriptionsResponse } from './subscriptions.response.dto';

@ApiTags('subscriptions')
@Controller()
export class SubscriptionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Endpoint(ENDPOINTS.notifications.replaceSubscriptions)
  @ApiOkResponse({ type: SubscriptionsResponse })
  @ApiBadRequestResponse({ description: 'An area code is unknown (named as areaCodes[i]) or repeated' })
  @ApiForbiddenResponse({ description: 'Only the organisation itself chooses what it follows' })
  @ApiNotFoundResponse({ description: 'No such organisation' })
  replace(
    @Ctx({ acting: true }) context: ActingContext,
    @Param('id', new ParseUUIDPipe()) organisationId: string,
    @Body() body: ReplaceSubscriptionsRequest,
  ) {
    return this.commands.execute(new ReplaceSubscriptionsCommand(context, organisationId, body.areaCodes));
  }

  @Endpoint(ENDPOINTS.notifications.getSubscriptions)
  @ApiOkResponse({ type: SubscriptionsResponse })
  @ApiForbiddenResponse({ description: 'Only the organisation itself reads what it follows' })
  @ApiNotFoundResponse({ description: 'No such organisation' })
  get(@Ctx({ acting: true }) context: ActingContext, @Param('id', new ParseUUIDPipe()) organisationId: string) {
    return this.queries.execute(new GetSubscriptionsQuery(context, organisationId));
  }
}
