import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldIssue, InvalidInput } from '../errors/domain-errors';

/**
 * Rejects unknown fields and names every field that fails, as `needIds[1]` or `address.street`. Before any
 * rule, it refuses text PostgreSQL cannot store (a NUL character) in a body, query or path parameter, naming the
 * field: such a value would otherwise reach the database and fail there as a 500.
 */
export function createValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new InvalidInput(flatten(errors)),
  });
}

class EdgeValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const issues = unstorableText(value, metadata.data ?? '');
      if (issues.length) throw new InvalidInput(issues);
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/** PostgreSQL's text types cannot hold U+0000; every other character is stored as sent. */
const UNSTORABLE = /\u0000/;

/** Every string in `value` PostgreSQL cannot store, named by its path (`title`, `needIds[0]`, `q`). */
export function unstorableText(value: unknown, path: string): FieldIssue[] {
  if (typeof value === 'string') {
    return UNSTORABLE.test(value) ? [{ field: path || 'body', message: 'must not contain a NUL character' }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => unstorableText(item, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [
      ...(UNSTORABLE.test(key)
        ? [{ field: path || 'body', message: 'must not name a field with a NUL character' }]
        : []),
      ...unstorableText(item, path ? `${path}.${key}` : key),
    ]);
  }
  return [];
}

function flatten(errors: ValidationError[], parent = ''): FieldIssue[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(/^property /, ''),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
