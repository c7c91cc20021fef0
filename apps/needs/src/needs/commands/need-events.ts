import type { PayloadOf } from '@styrkedjan/contracts';
import type { NeedState } from '../domain/need';

/** The payload of `need.identified` from the need's state: the contract in one place, testable on its own. */
export function needIdentifiedPayload(need: Readonly<NeedState>): PayloadOf<'need.identified'> {
  return {
    needId: need.id,
    organisationId: need.organisationId,
    title: need.title,
    description: need.description,
    areaCode: need.areaCode,
    sector: need.sector,
    // Until needs carry vocabulary codes, the free text travels as the note.
    targetGroups: [],
    note: need.targetGroup.trim() === '' ? null : need.targetGroup,
    identifiedAt: need.identifiedAt.toISOString(),
  };
}
