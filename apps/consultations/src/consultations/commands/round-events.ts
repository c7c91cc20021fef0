import type { AggregateRef } from '@styrkedjan/contracts';
import { NotFound } from '@styrkedjan/platform';
import type { EntityManager } from 'typeorm';
import type { Round } from '../domain/consultation';
import type { RoundsRepository } from '../persistence/rounds.repository';

/** What every event of a round says of it, so a consumer needs no projection of the round. */
export function roundRef(round: Round) {
  return {
    consultationId: round.id,
    supportId: round.supportId,
    supportTitle: round.supportTitle,
    leadAgencyId: round.leadAgencyId,
    edition: round.edition,
  };
}

export function aggregateOf(round: Round): AggregateRef {
  return { type: 'consultation', id: round.id, version: round.version };
}

/** The round, locked for the transaction (`share`: other writers of responses go on; `update`: alone), or 404. */
export async function loadRound(
  rounds: RoundsRepository,
  id: string,
  manager: EntityManager,
  lock: 'share' | 'update',
): Promise<Round> {
  const round = await rounds.find(id, manager, lock);
  if (!round) throw new NotFound('Consultation', id);
  return round;
}
