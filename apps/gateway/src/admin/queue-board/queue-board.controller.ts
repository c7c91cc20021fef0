import { Controller, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ENDPOINTS } from '@styrkedjan/access';
import { Endpoint, NotPermitted } from '@styrkedjan/platform';
import { isAllowedAction, QueueBoard } from './queue-board';

/**
 * The queue board for the platform operator, behind the gateway's authentication and the `dead-letters.manage`
 * action like the dead letters. A user interface, not part of the API: left out of the API document.
 */
@ApiExcludeController()
@Controller()
export class QueueBoardController {
  constructor(private readonly board: QueueBoard) {}

  @Endpoint(ENDPOINTS.gateway.viewQueueBoard)
  view(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.board.answer(request, reply);
  }

  @Endpoint(ENDPOINTS.gateway.readQueueBoard)
  read(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.board.answer(request, reply);
  }

  @Endpoint(ENDPOINTS.gateway.actOnQueueBoard)
  act(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!isAllowedAction(request.url)) {
      throw new NotPermitted('The queue board may re-drive, promote, pause and resume; nothing else.');
    }
    return this.board.answer(request, reply);
  }
}
