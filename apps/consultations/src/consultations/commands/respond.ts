import { Conflict, NotPermitted, PreconditionRequired, StaleVersion } from '@styrkedjan/platform';
import type { EntityManager } from 'typeorm';
import { requireTakingResponses, Round } from '../domain/consultation';
import type { StoredResponse } from '../persistence/rows';
import type { ResponsesRepository } from '../persistence/responses.repository';
import type { RoundsRepository } from '../persistence/rounds.repository';
import { toResponseView } from '../views/response.view';
import { loadRound } from './round-events';

/**
 * What saving and submitting a response both check, in order: the round (404), that the caller's organisation is
 * one of its consultees (403), that it still takes responses (409), that the response is not submitted (409), and
 * that the caller saw its latest version (If-Match: 428 missing, 412 stale with the response as it is).
 */
export async function responseToChange(
  repositories: { rounds: RoundsRepository; responses: ResponsesRepository },
  request: { consultationId: string; organisationId: string; expectedVersion: number | null; now: Date },
  manager: EntityManager,
): Promise<{ round: Round; response: StoredResponse | null }> {
  const round = await loadRound(repositories.rounds, request.consultationId, manager, 'share');
  if (!(await repositories.rounds.isConsultee(round.id, request.organisationId, manager)))
    throw new NotPermitted('Only the organisations consulted in this round respond to it.');
  requireTakingResponses(round, request.now);
  const response = await repositories.responses.find(round.id, request.organisationId, manager, true);
  if (response?.status === 'submitted')
    throw new Conflict('response_submitted', 'Your organisation has submitted its response; it can no longer change.');
  if (response && request.expectedVersion === null)
    throw new PreconditionRequired(
      'If-Match',
      'Your organisation has a draft response: send its ETag as If-Match, so no one else’s edit is overwritten.',
    );
  if ((response?.version ?? null) !== request.expectedVersion)
    throw new StaleVersion(
      'The response changed since you read it: here it is as it is now.',
      response ? toResponseView(response) : null,
    );
  return { round, response };
}
