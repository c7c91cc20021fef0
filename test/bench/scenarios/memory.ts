import { readFileSync } from 'node:fs';
import { SERVICE_NAMES, type ServiceName } from '@styrkedjan/platform';
import { TestSystem } from '@styrkedjan/testing';
import { Gateway } from '../http';
import type { BenchContext, Figure, Measurement, Scenario } from '../scenario';
import { sleep } from '../stats';
import { postNeeds } from './write';

/** Resident set size of a process in MB, from /proc (Linux), else pidusage. */
async function rssMb(pid: number): Promise<number> {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    if (Number.isFinite(kb)) return kb / 1024;
  } catch {
    // not Linux: fall through
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pidusage: (pid: number) => Promise<{ memory: number }> = require('pidusage');
  return (await pidusage(pid)).memory / 1024 / 1024;
}

async function sample(context: BenchContext): Promise<Partial<Record<ServiceName, number>>> {
  const rss: Partial<Record<ServiceName, number>> = {};
  for (const name of context.services) {
    const pid = context.system.processes.get(name)?.pid;
    if (pid) rss[name] = await rssMb(pid);
  }
  return rss;
}

/** Idle means after V8's memory reducer has run, which it does once a process has been quiet for a while. */
const IDLE_SETTLE_MS = 30_000;

/** Samples RSS while load W runs; the peak per service and of the sum. */
async function peakUnderLoad(
  context: BenchContext,
): Promise<{ peak: Partial<Record<ServiceName, number>>; total: number }> {
  const peak: Partial<Record<ServiceName, number>> = {};
  let peakTotal = 0;
  let loading = true;
  const sampler = (async () => {
    while (loading) {
      const rss = await sample(context);
      for (const [name, mb] of Object.entries(rss) as [ServiceName, number][])
        peak[name] = Math.max(peak[name] ?? 0, mb);
      peakTotal = Math.max(peakTotal, total(rss));
      await sleep(250);
    }
  })();
  try {
    await postNeeds(context, Math.min(context.options.writeSeconds, 10));
  } finally {
    loading = false;
    await sampler;
  }
  return { peak, total: peakTotal };
}

/** The same system with every service in one process (`npm start -- --one-process`): idle and under W. */
async function oneProcess(context: BenchContext): Promise<Measurement> {
  const system = await TestSystem.start({ oneProcess: true, env: context.benchEnv });
  try {
    const single: BenchContext = { ...context, system, gateway: await Gateway.of(system), services: ['gateway'] };
    await system.drained(300_000);
    await sleep(IDLE_SETTLE_MS);
    const idle = total(await sample(single));
    const loaded = await peakUnderLoad(single);
    return { 'idle.one-process': idle, 'load.one-process': loaded.total };
  } finally {
    await system.stop();
  }
}

const total = (rss: Partial<Record<ServiceName, number>>) => Object.values(rss).reduce((sum, mb) => sum + (mb ?? 0), 0);

/** M: RSS of every service idle (after the seed, queues drained, 30 s quiet) and its peak under load W; then the same for the whole system in one process. */
export const memoryScenario: Scenario = {
  id: 'M',
  title: 'memory: RSS per service, idle and under load W',
  figures: (): Figure[] => [
    ...SERVICE_NAMES.flatMap((name): Figure[] => [
      { key: `idle.${name}`, label: `${name} idle`, unit: 'MB', target: { op: '<=', value: 150 } },
      { key: `load.${name}`, label: `${name} under W (peak)`, unit: 'MB' },
    ]),
    { key: 'idle.total', label: 'all services idle', unit: 'MB' },
    { key: 'load.total', label: 'all services under W (peak of the sum)', unit: 'MB' },
    { key: 'idle.one-process', label: 'whole system in one process, idle', unit: 'MB' },
    { key: 'load.one-process', label: 'whole system in one process, under W (peak)', unit: 'MB' },
  ],
  async run(context): Promise<Measurement> {
    await context.system.drained(300_000);
    await sleep(IDLE_SETTLE_MS);
    const idle = await sample(context);
    const loaded = await peakUnderLoad(context);
    await context.system.drained(300_000);
    const measurement: Measurement = { 'idle.total': total(idle), 'load.total': loaded.total };
    for (const name of context.services) {
      measurement[`idle.${name}`] = idle[name] ?? NaN;
      measurement[`load.${name}`] = loaded.peak[name] ?? NaN;
    }
    return { ...measurement, ...(await oneProcess(context)) };
  },
};
