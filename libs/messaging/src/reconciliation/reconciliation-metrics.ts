import { Injectable } from '@nestjs/common';

export interface ReconciliationCounts {
  /** Passes over one producer's outbox. */
  sweeps: number;
  /** Published events compared with processed_events. */
  examined: number;
  /** Events put back on the queue because the queue no longer held them (re-drives). */
  redriven: number;
  /** Dead letters whose events are watched, so that a queue that loses its failed set gets them back. */
  deadLettersWatched: number;
  /** When the last pass over this producer ended, and whether it failed. */
  lastSweepAt: string | null;
  lastError: string | null;
}

/** Counters of this process's reconciliation, per producer, for the metrics endpoint to expose. */
@Injectable()
export class ReconciliationMetrics {
  private readonly byProducer = new Map<string, ReconciliationCounts>();

  record(producer: string, outcome: Partial<Omit<ReconciliationCounts, 'lastSweepAt'>>): void {
    const counts = this.of(producer);
    counts.sweeps += 1;
    counts.examined += outcome.examined ?? 0;
    counts.redriven += outcome.redriven ?? 0;
    counts.deadLettersWatched += outcome.deadLettersWatched ?? 0;
    counts.lastSweepAt = new Date().toISOString();
    counts.lastError = outcome.lastError ?? null;
  }

  snapshot(): Record<string, ReconciliationCounts> {
    return Object.fromEntries([...this.byProducer].map(([producer, counts]) => [producer, { ...counts }]));
  }

  private of(producer: string): ReconciliationCounts {
    let counts = this.byProducer.get(producer);
    if (!counts) {
      counts = { sweeps: 0, examined: 0, redriven: 0, deadLettersWatched: 0, lastSweepAt: null, lastError: null };
      this.byProducer.set(producer, counts);
    }
    return counts;
  }
}
