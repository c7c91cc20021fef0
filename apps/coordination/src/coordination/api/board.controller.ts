import { Controller, Headers, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ENDPOINTS } from '@styrkedjan/access';
import { Endpoint, InvalidInput, Page } from '@styrkedjan/platform';
import { GetBoardQuery } from '../queries/get-board/get-board.query';
import { boardCsv } from '../views/board-csv';
import { BoardQueryParams } from './board.query.dto';
import { BoardResponse } from './board.response.dto';

@ApiTags('coordination')
@Controller()
export class BoardController {
  constructor(private readonly queries: QueryBus) {}

  @Endpoint(ENDPOINTS.coordination.getBoard)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: BoardResponse,
    description: 'The board; with list, that list’s page (as CSV with Accept: text/csv, next cursor in X-Next-Cursor)',
  })
  @ApiBadRequestResponse({ description: 'An unknown list, or CSV asked for without a list' })
  async get(
    @Query() query: BoardQueryParams,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const csv = /\btext\/csv\b/i.test(accept ?? '');
    if (csv && !query.list) throw InvalidInput.field('list', 'must name the list to export as CSV');
    const result = await this.queries.execute(
      new GetBoardQuery(
        { agencyId: query.agencyId?.toLowerCase(), limit: query.limit, cursor: query.cursor, now: new Date() },
        query.list,
      ),
    );
    if (!csv) return result;
    const page = result as Page<object>;
    if (page.nextCursor) void reply.header('X-Next-Cursor', page.nextCursor);
    void reply.header('Content-Type', 'text/csv; charset=utf-8');
    return boardCsv(query.list!, page);
  }
}
