import { Injectable } from '@nestjs/common';

/** Resolves when the dependency answers ('degraded' when it answers but is not whole); throws when it does not. */
export type ReadinessCheck = () => Promise<void | 'degraded'>;

export interface ReadinessOptions {
  /**
   * Whether requests cannot be served without it. A dependency that is not essential (the queues: writes
   * wait in the outbox) makes the process degraded when it fails, still ready.
   */
  essential?: boolean;
}

export type ReadinessStatus = 'ok' | 'degraded' | 'down';

/** Dependencies register how to check them; /health/ready runs them all. */
@Injectable()
export class Readiness {
  private readonly checks = new Map<string, { check: ReadinessCheck; essential: boolean }>();

  register(name: string, check: ReadinessCheck, { essential = true }: ReadinessOptions = {}): void {
    this.checks.set(name, { check, essential });
  }

  async check(timeoutMs = 2000): Promise<{ ready: boolean; status: ReadinessStatus; checks: Record<string, string> }> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, { check, essential }]) => {
        try {
          const state = (await withTimeout(check(), timeoutMs)) ?? 'up';
          return { name, state, status: state === 'up' ? 'ok' : 'degraded' };
        } catch (error) {
          return { name, state: `down: ${(error as Error).message}`, status: essential ? 'down' : 'degraded' };
        }
      }),
    );
    const statuses = new Set(entries.map((entry) => entry.status));
    const status: ReadinessStatus = statuses.has('down') ? 'down' : statuses.has('degraded') ? 'degraded' : 'ok';
    return {
      ready: status !== 'down',
      status,
      checks: Object.fromEntries(entries.map((entry) => [entry.name, entry.state])),
    };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
