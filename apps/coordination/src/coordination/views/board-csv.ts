import { stringify } from 'csv-stringify/sync';
import type { Page } from '@styrkedjan/platform';

/**
 * One page of a board list as CSV (`csv-stringify`): a header row of the fields, lists joined with `;`, so a
 * spreadsheet opens it as it is. The next page's cursor travels in the response's header, not in the file.
 */
export function boardCsv(page: Page<object>): string {
  const rows = page.items as Record<string, unknown>[];
  const columns = rows.length ? Object.keys(rows[0]) : [];
  const cell = (value: unknown) => (Array.isArray(value) ? value.join(';') : (value ?? ''));
  return stringify(
    rows.map((row) => columns.map((column) => cell(row[column]))),
    { header: true, columns },
  );
}
