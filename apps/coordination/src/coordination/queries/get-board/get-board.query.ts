import { Query } from '@nestjs/cqrs';
import type { BoardList } from '../../domain/board';
import type { BoardFilter } from '../../persistence/board.repository';
import type { BoardView } from '../../views/board.view';

/** The whole board (each list's first page), or one list's page when `list` is named. */
export class GetBoardQuery extends Query<BoardView | BoardView[BoardList]> {
  constructor(
    readonly filter: BoardFilter,
    readonly list?: BoardList,
  ) {
    super();
  }
}
