/**
 * Group commit: items submitted while a commit is under way wait for it and then go together in the next
 * one. One commit at a time, so when idle an item goes alone at once, and under load a batch holds
 * everything that arrived during the previous commit (up to `maxBatch`). Each submitter gets its own
 * item's result or error.
 */
export class GroupCommit<Item, Result> {
  private waiting: { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }[] = [];
  private committing = false;

  constructor(
    /** Commits the items together; returns one result per item, in order, or throws for all of them. */
    private readonly commit: (items: Item[]) => Promise<Result[]>,
    /** After a failed batch of several, each item alone, so one bad item fails only itself. */
    private readonly commitOne: (item: Item) => Promise<Result>,
    private readonly maxBatch: number,
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      // Not awaited: drain settles every waiting promise itself, each with its own result or error.
      if (!this.committing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.committing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.maxBatch);
        try {
          const results = await this.commit(batch.map((entry) => entry.item));
          batch.forEach((entry, i) => entry.resolve(results[i]));
        } catch (error) {
          if (batch.length === 1) batch[0].reject(error);
          else for (const entry of batch) await this.commitOne(entry.item).then(entry.resolve, entry.reject);
        }
      }
    } finally {
      this.committing = false;
    }
  }
}
