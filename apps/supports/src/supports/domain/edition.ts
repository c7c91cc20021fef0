import type { RevisionChange } from '@styrkedjan/contracts';

/**
 * The edition a revision of `inForce` drafts: a major revision of 1.x is 2.0, a minor one 1.(x+1). Editions are
 * `major.minor` as readers cite them, never a semantic version with a patch number.
 */
export function nextEdition(inForce: string, change: RevisionChange): string {
  const [major, minor] = inForce.split('.').map(Number);
  return change === 'major' ? `${major + 1}.0` : `${major}.${minor + 1}`;
}
