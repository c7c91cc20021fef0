import { InvalidInput, PreconditionRequired } from '@styrkedjan/platform';

/** A response's ETag: its version, as a strong entity tag. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** The version an If-Match header names, or null without one; a header that is no ETag of ours is 400. */
export function versionFromIfMatch(header: string | undefined): number | null {
  const value = header?.trim();
  if (!value) return null;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value);
  if (!match) throw InvalidInput.field('If-Match', 'must be the ETag of the response, such as "3"');
  return Number(match[1]);
}

/** As versionFromIfMatch, but the header is required (428 without it). */
export function requiredVersion(header: string | undefined): number {
  const version = versionFromIfMatch(header);
  if (version === null)
    throw new PreconditionRequired('If-Match', 'Submit what you read: send the ETag of your response as If-Match.');
  return version;
}
