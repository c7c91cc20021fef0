import { randomUUID } from 'node:crypto';
import { EARLIER_VERSIONS, EVENT_CATALOGUE } from './catalogue';
import { InvalidEventError, validateEvent } from './validate-event';

const envelope = (type: string, version: number, payload: object) => ({
  id: randomUUID(),
  type,
  version,
  occurredAt: new Date().toISOString(),
  producer: 'needs',
  actor: { organisationId: null, userId: null, method: 'system' },
  correlationId: randomUUID(),
  causationId: null,
  aggregate: { type: 'need', id: randomUUID(), version: 1 },
  payload,
});

const v1 = {
  needId: randomUUID(),
  organisationId: randomUUID(),
  title: 'Demens i ordinärt boende',
  description: '',
  areaCode: 'health.dementia',
  sector: 'health',
  targetGroup: 'Äldre med demens',
  identifiedAt: new Date().toISOString(),
};

describe('validateEvent across versions', () => {
  it('reads an earlier version and answers it in the current shape and version', () => {
    const event = validateEvent(envelope('need.identified', 1, v1));
    expect(event.version).toBe(2);
    const { targetGroup, ...rest } = v1;
    expect(event.payload).toEqual({ ...rest, targetGroups: [], note: targetGroup });
  });

  it('turns an empty free-text target group into no note', () => {
    const event = validateEvent(envelope('need.identified', 1, { ...v1, targetGroup: ' ' }));
    expect(event.payload).toMatchObject({ targetGroups: [], note: null });
  });

  it('checks an earlier version against its own schema', () => {
    const { targetGroup: _dropped, ...missing } = v1;
    expect(() => validateEvent(envelope('need.identified', 1, missing))).toThrow(/need.identified v1 payload/);
  });

  it('refuses a version the catalogue does not know', () => {
    expect(() => validateEvent(envelope('need.identified', 3, v1))).toThrow(InvalidEventError);
  });

  it('keeps each earlier version below the current one of its type', () => {
    for (const earlier of EARLIER_VERSIONS) expect(earlier.version).toBeLessThan(EVENT_CATALOGUE[earlier.type].version);
  });
});
