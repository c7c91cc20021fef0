import type { DataSource } from 'typeorm';
import { readEventLog } from '../../event-log/persistence/event-log.repository';
import { countStages, emptyPipelineState, foldEvent, isPipelineEvent } from '../domain/pipeline';
import {
  addToStageCounts,
  insertLinks,
  PIPELINE_TABLES,
  upsertNeeds,
  upsertSupports,
} from '../persistence/pipeline.tables';

export interface RebuildOptions {
  /** Log rows read per query. */
  batchSize?: number;
  /** Rows per bulk INSERT. */
  insertChunk?: number;
}

/**
 * Rebuilds the pipeline read model from the event log in one transaction. The tables are locked first
 * (ACCESS EXCLUSIVE, which TRUNCATE needs anyway: taking it up front avoids a lock upgrade that could
 * deadlock), so a live consumer waits and then applies its event on top of the rebuilt state instead of
 * interleaving with it; readers wait too, for the seconds a rebuild takes. The log is folded in memory
 * through the same reducer the consumer uses, then written with a few bulk INSERTs, so it ends exactly
 * where live processing would, only faster.
 */
export async function rebuildPipeline(
  dataSource: DataSource,
  options: RebuildOptions = {},
): Promise<{ events: number }> {
  const batchSize = options.batchSize ?? 10_000;
  const insertChunk = options.insertChunk ?? 20_000;
  return dataSource.transaction(async (manager) => {
    await manager.query(`LOCK TABLE ${PIPELINE_TABLES.join(', ')} IN ACCESS EXCLUSIVE MODE`);
    await manager.query(`TRUNCATE ${PIPELINE_TABLES.join(', ')}`);

    const state = emptyPipelineState();
    let events = 0;
    for await (const batch of readEventLog(manager, batchSize)) {
      for (const record of batch) if (isPipelineEvent(record)) foldEvent(state, record);
      events += batch.length;
    }

    const links: [string, string][] = [];
    for (const [supportId, needIds] of state.supportNeeds)
      for (const needId of needIds) links.push([supportId, needId]);
    await inChunks([...state.needs.values()], insertChunk, (rows) => upsertNeeds(manager, rows, 'none'));
    await inChunks([...state.supports.values()], insertChunk, (rows) => upsertSupports(manager, rows, 'none'));
    await inChunks(links, insertChunk * 2, (rows) => insertLinks(manager, rows));
    await addToStageCounts(manager, countStages(state.needs.values(), state.supports.values()));
    return { events };
  });
}

async function inChunks<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let start = 0; start < rows.length; start += size) await write(rows.slice(start, start + size));
}
