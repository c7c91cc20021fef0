import { readFileSync } from 'node:fs';
import type { Client } from 'pg';

/** CPU time (user + system) a process has used so far, in milliseconds, from /proc (Linux). */
export function cpuMs(pid: number): number {
  // Fields 14 and 15 of /proc/<pid>/stat, counted after the command name, which may itself hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/**
 * CPU time used so far by each PostgreSQL backend connected to the database `db` is on (by pid), when the server
 * runs on this machine; a backend whose /proc entry cannot be read is left out. Every service and consumer of
 * a system started by the harness works in that one database, and no one else does.
 */
export async function databaseCpu(db: Client): Promise<Map<number, number>> {
  const { rows } = await db.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  );
  const used = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      used.set(pid, cpuMs(pid));
    } catch {
      // Gone meanwhile, or the server runs elsewhere.
    }
  }
  return used;
}

/** What the backends used between two readings; one that connected meanwhile counts from zero. */
export function databaseCpuBetween(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
