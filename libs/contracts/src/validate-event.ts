import { EVENT_CATALOGUE, AnyEvent, earlierVersion, isEventType } from './catalogue';
import { envelopeSchema } from './envelope';

export class InvalidEventError extends Error {
  constructor(
    message: string,
    readonly issues: string[],
  ) {
    super(`${message}: ${issues.join('; ')}`);
    this.name = 'InvalidEventError';
  }
}

/**
 * Checks an envelope and its payload against the catalogue; used both before publishing and on consuming.
 * An event of an earlier version is checked against that version's schema and answered upcast to the
 * current one (with the current version number), so callers see one shape per type.
 */
export function validateEvent(candidate: unknown): AnyEvent {
  const envelope = envelopeSchema.safeParse(candidate);
  if (!envelope.success) {
    throw new InvalidEventError('invalid event envelope', envelope.error.issues.map(formatIssue));
  }
  const { type, version } = envelope.data;
  if (!isEventType(type)) throw new InvalidEventError('unknown event type', [type]);
  const entry = EVENT_CATALOGUE[type];
  if (entry.version === version) {
    const payload = entry.payload.safeParse(envelope.data.payload);
    if (!payload.success) {
      throw new InvalidEventError(`invalid ${type} payload`, payload.error.issues.map(formatIssue));
    }
    return { ...envelope.data, payload: payload.data } as AnyEvent;
  }
  const earlier = earlierVersion(type, version);
  if (!earlier) throw new InvalidEventError('unsupported event version', [`${type} v${version}`]);
  const payload = earlier.payload.safeParse(envelope.data.payload);
  if (!payload.success) {
    throw new InvalidEventError(`invalid ${type} v${version} payload`, payload.error.issues.map(formatIssue));
  }
  return { ...envelope.data, version: entry.version, payload: earlier.upcast(payload.data as never) } as AnyEvent;
}

function formatIssue(issue: { path: PropertyKey[]; message: string }): string {
  return `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`;
}
