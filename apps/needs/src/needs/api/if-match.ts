import { InvalidInput, PreconditionRequired } from '@styrkedjan/platform';

/** A need's ETag: its version, as a strong entity tag. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version an If-Match header names. A triage must say which version it decided on, so a missing header
 * (or `*`, which would match whatever the need has become) is 428; a header that is no ETag of ours is 400.
 * A weak tag (`W/"3"`) is read like the strong one: the version is the same either way.
 */
export function versionFromIfMatch(header: string | undefined): number {
  const value = header?.trim();
  if (!value || value === '*')
    throw new PreconditionRequired(
      'If-Match',
      'A triage must name the version it was decided on: send the ETag of GET /needs/{id} as If-Match.',
    );
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value);
  if (!match) throw InvalidInput.field('If-Match', 'must be the ETag of the need, such as "3"');
  return Number(match[1]);
}
