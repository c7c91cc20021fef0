import { stringify } from 'csv-stringify/sync';
import type { Page } from '@styrkedjan/platform';
import type { BoardList } from '../domain/board';
import { BOARD_COLUMNS } from './board.view';

/**
 * One page of a board list as CSV (`csv-stringify`): a header row of the list's columns, lists joined with `;`, so
 * a spreadsheet opens it as it is. The next page's cursor travels in the response's header, not in the file.
 */
export function boardCsv(list: BoardList, page: Page<object>): string {
  const columns: string[] = BOARD_COLUMNS[list];
  const cell = (value: unknown) => (Array.isArray(value) ? value.join(';') : (value ?? ''));
  const rows = page.items.map((item) => columns.map((column) => cell((item as Record<string, unknown>)[column])));
  return stringify(rows, { header: true, columns });
}
