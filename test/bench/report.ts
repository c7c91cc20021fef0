import { cpus, totalmem, platform, release } from 'node:os';
import type { Figure, Measurement, Scenario } from './scenario';
import { round, summarise, Summary } from './stats';

export interface Environment {
  date: string;
  machine: string;
  versions: string;
  backend: string;
}

export function machine(): string {
  const cores = cpus();
  return `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GB, ${platform()} ${release()}`;
}

/** One figure across the runs, with its baseline and whether the issue's target is met. */
export interface Row {
  scenario: string;
  figure: string;
  unit: string;
  value: Summary;
  baseline?: Summary;
  /** figure / baseline, of the medians. */
  ratio?: number;
  target?: string;
  met?: boolean;
}

export function rowsOf(scenario: Scenario, figures: Figure[], runs: Measurement[]): Row[] {
  return figures.map((figure) => {
    const value = summarise(runs.map((run) => run[figure.key]));
    const baseline = figure.baseline ? summarise(runs.map((run) => run[figure.baseline!])) : undefined;
    const ratio = baseline && baseline.median ? value.median / baseline.median : undefined;
    const row: Row = { scenario: scenario.id, figure: figure.label, unit: figure.unit, value, baseline, ratio };
    if (figure.target) {
      const { op, value: bound, ofRatio, everyRun } = figure.target;
      const worst = op === '>=' ? value.min : value.max;
      const compared = ofRatio ? ratio : everyRun ? worst : value.median;
      row.target = `${ofRatio ? 'ratio ' : ''}${op === '>=' ? '≥' : '≤'} ${bound}${ofRatio ? '' : ` ${figure.unit}`}${everyRun ? ' in every run' : ''}`;
      row.met =
        compared !== undefined && Number.isFinite(compared) && (op === '>=' ? compared >= bound : compared <= bound);
    }
    return row;
  });
}

/** The machine-readable line of one figure. */
export function jsonLine(row: Row, environment: Environment): string {
  const summary = (s: Summary) => ({ median: round(s.median), min: round(s.min), max: round(s.max), runs: s.runs });
  return JSON.stringify({
    scenario: row.scenario,
    figure: row.figure,
    unit: row.unit,
    ...summary(row.value),
    baseline: row.baseline ? summary(row.baseline) : undefined,
    ratio: row.ratio === undefined ? undefined : round(row.ratio),
    target: row.target,
    met: row.met,
    backend: environment.backend,
    date: environment.date,
  });
}

const cell = (s: Summary) => (Number.isFinite(s.median) ? `${round(s.median)} (${round(s.min)}–${round(s.max)})` : '—');

/** The readable table, in markdown so it can be pasted into the README as it is. */
export function markdown(rows: Row[], environment: Environment, runs: number): string {
  const lines = [
    `Measured ${environment.date} on ${environment.machine}; ${environment.versions}; backend: ${environment.backend}.`,
    `Median of ${runs} runs (min–max). Ratio = figure / raw baseline measured in the same run.`,
    '',
    '| | figure | unit | median (min–max) | raw baseline | ratio | target | met |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((row) =>
      [
        '',
        row.scenario,
        row.figure,
        row.unit,
        cell(row.value),
        row.baseline ? cell(row.baseline) : '—',
        row.ratio === undefined ? '—' : `${round(row.ratio)}×`,
        row.target ?? '',
        row.met === undefined ? '' : row.met ? 'yes' : '**no**',
        '',
      ]
        .join(' | ')
        .trim(),
    ),
  ];
  return lines.join('\n');
}
