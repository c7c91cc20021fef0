import { versionFromIfMatch as versionNamedBy } from '@styrkedjan/platform';

export { etagOf } from '@styrkedjan/platform';

/** The version of the need a triage was decided on: its If-Match (428 when missing, 400 when no ETag of ours). */
export function versionFromIfMatch(header: string | undefined): number {
  return versionNamedBy(header, {
    required: 'A triage must name the version it was decided on: send the ETag of GET /needs/{id} as If-Match.',
    malformed: 'must be the ETag of the need, such as "3"',
  });
}
