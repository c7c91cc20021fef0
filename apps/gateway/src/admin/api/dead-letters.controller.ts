import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeadLetters } from '@styrkedjan/messaging';
import { notFound } from '@styrkedjan/platform';
import { Requires } from '../../auth/requires.decorator';
import { DeadLetterListResponse, RetriedDeadLetterResponse } from './dead-letter.response.dto';
import { ListDeadLettersQuery } from './list-dead-letters.query.dto';

/**
 * For operators: events a consumer gave up on, across every service's queue, and re-driving one once its
 * cause is fixed. Served by the gateway because it is the one process that sees all queues without owning any.
 * Administrators only.
 */
@ApiTags('admin')
@Requires('dead-letters.manage')
@Controller('admin/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLetters) {}

  @Get()
  @ApiOperation({ summary: 'Dead letters of every consumer, most recently failed first' })
  @ApiOkResponse({ type: DeadLetterListResponse })
  async list(@Query() query: ListDeadLettersQuery): Promise<DeadLetterListResponse> {
    return { items: await this.deadLetters.list(query.limit) };
  }

  @Post(':id/retry')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Put a dead letter back on its queue with a fresh set of attempts' })
  @ApiOkResponse({ type: RetriedDeadLetterResponse })
  @ApiNotFoundResponse({ description: 'No dead letter with this id' })
  async retry(@Param('id') id: string): Promise<RetriedDeadLetterResponse> {
    const retried = await this.deadLetters.retry(id);
    if (!retried) throw notFound('Dead letter', id);
    return { retried };
  }
}
