import { Controller, HttpCode, HttpStatus, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ENDPOINTS } from '@styrkedjan/access';
import { DeadLetters } from '@styrkedjan/messaging';
import { Endpoint, NotFound } from '@styrkedjan/platform';
import { DeadLetterListResponse, RetriedDeadLetterResponse } from './dead-letter.response.dto';
import { ListDeadLettersQuery } from './list-dead-letters.query.dto';

/**
 * For operators: events a consumer gave up on, across every service's queue, and re-driving one once its
 * cause is fixed. Served by the gateway because it is the one process that sees all queues without owning any.
 * Administrators only.
 */
@ApiTags('admin')
@Controller()
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLetters) {}

  @Endpoint(ENDPOINTS.gateway.listDeadLetters)
  @ApiOkResponse({ type: DeadLetterListResponse })
  async list(@Query() query: ListDeadLettersQuery): Promise<DeadLetterListResponse> {
    return { items: await this.deadLetters.list(query.limit) };
  }

  @Endpoint(ENDPOINTS.gateway.retryDeadLetter)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: RetriedDeadLetterResponse })
  @ApiNotFoundResponse({ description: 'No dead letter with this id' })
  async retry(@Param('id') id: string): Promise<RetriedDeadLetterResponse> {
    const retried = await this.deadLetters.retry(id);
    if (!retried) throw new NotFound('Dead letter', id);
    return { retried };
  }
}
