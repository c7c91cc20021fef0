import type { EntityManager } from 'typeorm';

/**
 * Makes concurrent seeds take turns until their transactions end, so two of them cannot both see an entry
 * missing and both announce it. Released by commit or rollback.
 */
export async function serialiseSeeds(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('styrkedjan.directory.seed'))`);
}
