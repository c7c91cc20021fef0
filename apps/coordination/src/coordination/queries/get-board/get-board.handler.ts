import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InvalidInput } from '@styrkedjan/platform';
import { BOARD_LISTS, BoardList } from '../../domain/board';
import { BoardRepository } from '../../persistence/board.repository';
import { BoardView } from '../../views/board.view';
import { GetBoardQuery } from './get-board.query';

/** The coordination board for steering groups, or narrowed to what one agency is party to. */
@QueryHandler(GetBoardQuery)
export class GetBoardHandler implements IQueryHandler<GetBoardQuery, BoardView | BoardView[BoardList]> {
  constructor(private readonly board: BoardRepository) {}

  async execute(query: GetBoardQuery): Promise<BoardView | BoardView[BoardList]> {
    if (query.list) return (await this.board.list(query.list, query.filter)) as BoardView[BoardList];
    // A cursor belongs to one list: the whole board has none.
    if (query.filter.cursor) throw InvalidInput.field('cursor', 'needs list, the list it came from');
    const pages = await Promise.all(BOARD_LISTS.map((list) => this.board.list(list, query.filter)));
    return Object.fromEntries(BOARD_LISTS.map((list, index) => [list, pages[index]])) as BoardView;
  }
}
