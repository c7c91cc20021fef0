import type { ScenarioId } from './scenario';

export interface BenchOptions {
  only: ScenarioId[];
  runs: number;
  /** W (and M's load): seconds of load and connections. */
  writeSeconds: number;
  writeConnections: number;
  /** E: offered rates (events/s), seconds per rate; the first rate ≥ 1000 is the one held to the target. */
  eventRates: number[];
  eventSeconds: number;
  /** F: publishes per run. */
  publishes: number;
  /** R and B: events in the log. */
  logEvents: number;
  /** R and S: requests per view per run; R's concurrency. */
  readRequests: number;
  readConcurrency: number;
  /** Print the markdown table (on unless --no-table). */
  table: boolean;
}

const ALL: ScenarioId[] = ['W', 'M', 'F', 'E', 'B', 'R', 'S', 'N', 'C', 'K'];

/**
 * `--only=W,F --runs=3 --write-seconds=20 --event-rates=500,1000,2000 --event-seconds=10 --publishes=20
 * --log-events=1000000 --read-requests=1000`; each also as BENCH_ONLY, BENCH_RUNS, BENCH_WRITE_SECONDS…
 * Arguments win over the environment.
 */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const args = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument ${arg}; see test/bench/options.ts`);
    args.set(match[1], match[2] ?? 'true');
  }
  const get = (name: string) => args.get(name) ?? env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`];
  const int = (name: string, fallback: number) => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, got ${raw}`);
    return value;
  };
  const list = (name: string, fallback: number[]) =>
    (get(name)?.split(',').map(Number) ?? fallback).filter((n) => n > 0);
  const only = (get('only')
    ?.toUpperCase()
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean) ?? ALL) as ScenarioId[];
  const unknown = only.filter((id) => !ALL.includes(id));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${ALL.join(', ')}`);
  return {
    only: ALL.filter((id) => only.includes(id)),
    runs: int('runs', 3),
    writeSeconds: int('write-seconds', 20),
    writeConnections: int('write-connections', 32),
    eventRates: list('event-rates', [500, 1000, 1500, 2000]),
    eventSeconds: int('event-seconds', 10),
    publishes: int('publishes', 20),
    logEvents: int('log-events', 1_000_000),
    readRequests: int('read-requests', 1000),
    readConcurrency: int('read-concurrency', 4),
    table: get('no-table') === undefined,
  };
}
