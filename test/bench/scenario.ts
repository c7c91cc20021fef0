import type { ServiceName } from '@styrkedjan/platform';
import type { TestSystem } from '@styrkedjan/testing';
import type { QueueBackend } from './backend';
import type { Gateway } from './http';
import type { BenchOptions } from './options';

export type ScenarioId = 'W' | 'E' | 'F' | 'R' | 'B' | 'M' | 'S' | 'N' | 'C' | 'K';

/** What the figures of one run of a scenario came to, by figure key. */
export type Measurement = Record<string, number>;

/** A target from the issue: the figure (or its ratio to the baseline) against a bound. */
export interface Target {
  op: '>=' | '<=';
  value: number;
  /** Compare the ratio figure/baseline rather than the figure itself. */
  ofRatio?: boolean;
  /** Judge the worst run rather than the median: a bound that must hold in every run. */
  everyRun?: boolean;
}

export interface Figure {
  key: string;
  label: string;
  unit: string;
  /** Key of the baseline measured in the same run, when the issue names one. */
  baseline?: string;
  target?: Target;
}

export interface BenchContext {
  system: TestSystem;
  /** Requests through the gateway, as an organisation with its token. */
  gateway: Gateway;
  backend: QueueBackend;
  options: BenchOptions;
  /** The service settings the benchmark's systems run with. */
  benchEnv: Record<string, string>;
  /** Seeded organisations the scenarios act as. */
  orgs: { stockholm: string; agency: string };
  services: readonly ServiceName[];
  log(message: string): void;
  /** Work shared by scenarios (the 1M-event log of R and B), done once. */
  once(key: string, work: () => Promise<void>): Promise<void>;
}

export interface Scenario {
  id: ScenarioId;
  title: string;
  /** Figures and baselines a run reports; keys not listed here are printed as extra detail. */
  figures(options: BenchOptions): Figure[];
  setup?(context: BenchContext): Promise<void>;
  run(context: BenchContext, run: number): Promise<Measurement>;
}
