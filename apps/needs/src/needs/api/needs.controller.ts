import { Body, Controller, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ENDPOINTS } from '@styrkedjan/access';
import { ActingContext, Ctx, Endpoint } from '@styrkedjan/platform';
import { IdentifyNeedCommand } from '../commands/identify-need/identify-need.command';
import { GetNeedQuery } from '../queries/get-need/get-need.query';
import { ListNeedsQuery } from '../queries/list-needs/list-needs.query';
import { IdentifyNeedRequest } from './identify-need.request.dto';
import { ListNeedsQueryParams } from './list-needs.query.dto';
import { NeedPageResponse, NeedResponse } from './need.response.dto';

@ApiTags('needs')
@Controller()
export class NeedsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Endpoint(ENDPOINTS.needs.identify)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: NeedResponse })
  identify(@Ctx({ acting: true }) context: ActingContext, @Body() body: IdentifyNeedRequest) {
    return this.commands.execute(
      new IdentifyNeedCommand(context, body.title, body.description, body.areaCode, body.targetGroup),
    );
  }

  @Endpoint(ENDPOINTS.needs.list)
  @ApiOkResponse({ type: NeedPageResponse })
  list(@Query() query: ListNeedsQueryParams) {
    return this.queries.execute(new ListNeedsQuery(query));
  }

  @Endpoint(ENDPOINTS.needs.get)
  @ApiOkResponse({ type: NeedResponse })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.queries.execute(new GetNeedQuery(id));
  }
}
