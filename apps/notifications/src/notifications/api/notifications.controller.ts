import { Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Query } from '@nestjs/common';
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
import { MarkAllNotificationsReadCommand } from '../commands/mark-all-notifications-read/mark-all-notifications-read.command';
import { MarkNotificationReadCommand } from '../commands/mark-notification-read/mark-notification-read.command';
import { readStateFilter } from '../domain/notification';
import { ListNotificationsQuery } from '../queries/list-notifications/list-notifications.query';
import { ListNotificationsQueryParams } from './list-notifications.query.dto';
import { InboxResponse, MarkedReadResponse, NotificationResponse } from './notification.response.dto';

@ApiTags('notifications')
@ApiForbiddenResponse({ description: 'Only the organisation itself reads and changes its inbox' })
@Controller()
export class NotificationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Endpoint(ENDPOINTS.notifications.listNotifications)
  @ApiOkResponse({ type: InboxResponse })
  @ApiBadRequestResponse({ description: 'unread is not true or false, or the cursor is not one this list returned' })
  list(
    @Ctx({ acting: true }) context: ActingContext,
    @Param('id', new ParseUUIDPipe()) organisationId: string,
    @Query() query: ListNotificationsQueryParams,
  ) {
    return this.queries.execute(
      new ListNotificationsQuery(context, {
        organisationId,
        unread: readStateFilter(query.unread),
        limit: query.limit,
        cursor: query.cursor,
      }),
    );
  }

  // Declared before ':notificationId/read' for readability; the two never overlap (different depth).
  @Endpoint(ENDPOINTS.notifications.markAllRead)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MarkedReadResponse })
  readAll(@Ctx({ acting: true }) context: ActingContext, @Param('id', new ParseUUIDPipe()) organisationId: string) {
    return this.commands.execute(new MarkAllNotificationsReadCommand(context, organisationId));
  }

  @Endpoint(ENDPOINTS.notifications.markRead)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: NotificationResponse })
  @ApiNotFoundResponse({ description: 'No such notification in this inbox' })
  read(
    @Ctx({ acting: true }) context: ActingContext,
    @Param('id', new ParseUUIDPipe()) organisationId: string,
    @Param('notificationId', new ParseUUIDPipe()) notificationId: string,
  ) {
    return this.commands.execute(new MarkNotificationReadCommand(context, organisationId, notificationId));
  }
}
