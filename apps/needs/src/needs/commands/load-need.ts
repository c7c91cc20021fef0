import type { EntityManager } from 'typeorm';
import { NotFound } from '@styrkedjan/platform';
import type { Need } from '../domain/need';
import type { NeedsRepository } from '../persistence/needs.repository';
import type { NeedView } from '../views/need.view';

/** The need named in the path, locked for the transaction, or 404. */
export async function loadNeed(needs: NeedsRepository, manager: EntityManager, id: string): Promise<Need> {
  const need = await needs.loadForUpdate(manager, id);
  if (!need) throw new NotFound('Need', id);
  return need;
}

/** The need as the API shows it after the change, read in the change's transaction. */
export async function viewAfter(needs: NeedsRepository, manager: EntityManager, need: Need): Promise<NeedView> {
  return (await needs.findView(need.state.id, manager))!;
}
