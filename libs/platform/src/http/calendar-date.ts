import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches, MaxLength } from 'class-validator';

/**
 * A day as `YYYY-MM-DD` and nothing more: IsISO8601 alone also accepts times and week dates, and
 * `strict` rejects days that do not exist (2026-02-30).
 */
export function IsCalendarDate(): PropertyDecorator {
  return applyDecorators(
    MaxLength(10),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date as YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be an existing calendar date' }),
  );
}
