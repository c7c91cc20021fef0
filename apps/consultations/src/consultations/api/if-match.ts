import { optionalVersionFromIfMatch, versionFromIfMatch } from '@styrkedjan/platform';

export { etagOf } from '@styrkedjan/platform';

const MALFORMED = 'must be the ETag of the response, such as "3"';

/** The version of the response a save was made on, or null for its first save. */
export function versionFromIfMatchOfResponse(header: string | undefined): number | null {
  return optionalVersionFromIfMatch(header, MALFORMED);
}

/** The version of the response a submission names: required (428 without it). */
export function requiredVersion(header: string | undefined): number {
  return versionFromIfMatch(header, {
    required: 'Submit what you read: send the ETag of your response as If-Match.',
    malformed: MALFORMED,
  });
}
