import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { InvalidInput } from '../errors/domain-errors';
import { UUID_PATTERN } from './uuid';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

/** Keyset pagination: `cursor` is opaque and comes from the previous page's `nextCursor`. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A cursor made of the sort key of the last item: (time, id) for newest-first lists. */
export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** The sort key a cursor carries; a cursor that was not made by `encodeCursor` is a 400 naming `field`. */
export function decodeCursor(cursor: string | undefined, arity: number, field = 'cursor'): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parts) &&
      parts.length === arity &&
      parts.every((p) => typeof p === 'string' || typeof p === 'number')
    ) {
      return parts;
    }
  } catch {
    // reported below
  }
  throw InvalidInput.field(field, 'is not a cursor this list returned');
}

/** Builds a page from `limit + 1` rows: the extra row only says there is more. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  map: (row: Row) => Item,
  cursorOf: (row: Row) => (string | number)[],
): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  return {
    items: pageRows.map(map),
    nextCursor: hasMore ? encodeCursor(cursorOf(pageRows[pageRows.length - 1])) : null,
  };
}

/**
 * The (time, id) a newest-first cursor carries. Checked here because the parts go into SQL casts: a
 * tampered cursor must be a 400 naming `cursor`, not a database error.
 */
export function decodeTimeIdCursor(cursor: string | undefined, field = 'cursor'): { at: string; id: string } | null {
  const parts = decodeCursor(cursor, 2, field);
  if (!parts) return null;
  const [at, id] = parts;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'string' || !UUID_PATTERN.test(id)) {
    throw InvalidInput.field(field, 'is not a cursor this list returned');
  }
  return { at, id };
}
