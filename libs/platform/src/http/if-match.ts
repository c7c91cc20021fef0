import { InvalidInput, PreconditionRequired } from '../errors/domain-errors';

/** An aggregate's ETag: its version, as a strong entity tag. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version an If-Match header names, for a write that must say which version it was made on: a missing header
 * (or `*`, which would match whatever the aggregate has become) is 428 with `required`; a header that is no ETag of
 * ours is 400 with `malformed`. A weak tag (`W/"3"`) is read like the strong one: the version is the same either way.
 */
export function versionFromIfMatch(
  header: string | undefined,
  messages: { required: string; malformed: string },
): number {
  const version = header?.trim() === '*' ? null : optionalVersionFromIfMatch(header, messages.malformed);
  if (version === null) throw new PreconditionRequired('If-Match', messages.required);
  return version;
}

/**
 * The version an If-Match header names, or null without one, for a write whose first version needs none (a
 * response's first save); a header that is no ETag of ours is 400 with `malformed`.
 */
export function optionalVersionFromIfMatch(header: string | undefined, malformed: string): number | null {
  const value = header?.trim();
  if (!value) return null;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value);
  if (!match) throw InvalidInput.field('If-Match', malformed);
  return Number(match[1]);
}
