import { InvalidInput } from '@styrkedjan/platform';

/** An inverted range is a client mistake worth naming, not an empty page. Dates are `YYYY-MM-DD`, so text order is date order. */
export function assertDateRange(from: string | undefined, to: string | undefined, toField: string): void {
  if (from && to && to < from) throw InvalidInput.field(toField, 'must not be before the start of the range');
}
