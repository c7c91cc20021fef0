/** What the directory holds of an entry now, and at which aggregate version. */
export interface Stored<T> {
  value: T;
  version: number;
}

export interface SeedPlan<T> {
  added: T[];
  /** Each with the version it had when read, so the write can refuse if it moved since. */
  updated: { value: T; previousVersion: number }[];
  unchanged: number;
}

export interface SeedCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Compares the reference data with what is stored. Entries the directory has but the reference data does
 * not are left alone: the reference data is a starting set that administrators extend, not the whole truth.
 */
export function planSeed<T>(
  desired: readonly T[],
  stored: ReadonlyMap<string, Stored<T>>,
  keyOf: (entry: T) => string,
  same: (a: T, b: T) => boolean,
): SeedPlan<T> {
  const plan: SeedPlan<T> = { added: [], updated: [], unchanged: 0 };
  for (const entry of desired) {
    const current = stored.get(keyOf(entry));
    if (!current) plan.added.push(entry);
    else if (!same(current.value, entry)) plan.updated.push({ value: entry, previousVersion: current.version });
    else plan.unchanged += 1;
  }
  return plan;
}

export function countsOf(plan: SeedPlan<unknown>): SeedCounts {
  return { added: plan.added.length, updated: plan.updated.length, unchanged: plan.unchanged };
}
