import { readFileSync } from 'node:fs';
import type { ServiceName } from '@styrkedjan/platform';
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

const total = (rss: Partial<Record<ServiceName, number>>) => Object.values(rss).reduce((sum, mb) => sum + (mb ?? 0), 0);

/** M: RSS of every service idle (after the seed, queues drained) and its peak under load W. */
export const memoryScenario: Scenario = {
  id: 'M',
  title: 'memory: RSS per service, idle and under load W',
  figures: (): Figure[] => [
    ...(['gateway', 'directory', 'needs', 'supports', 'feedback', 'notifications', 'pipeline'] as ServiceName[]).flatMap((name): Figure[] => [
      { key: `idle.${name}`, label: `${name} idle`, unit: 'MB', target: { op: '<=', value: 150 } },
      { key: `load.${name}`, label: `${name} under W (peak)`, unit: 'MB' },
    ]),
    { key: 'idle.total', label: 'all services idle', unit: 'MB' },
    { key: 'load.total', label: 'all services under W (peak of the sum)', unit: 'MB' },
  ],
  async run(context): Promise<Measurement> {
    await context.system.drained(300_000);
    // Let the collectors settle after whatever ran before, as an idle system would.
    await sleep(3000);
    const idle = await sample(context);
    const peak: Partial<Record<ServiceName, number>> = {};
    let peakTotal = 0;
    let loading = true;
    const sampler = (async () => {
      while (loading) {
        const rss = await sample(context);
        for (const [name, mb] of Object.entries(rss) as [ServiceName, number][]) peak[name] = Math.max(peak[name] ?? 0, mb);
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
    await context.system.drained(300_000);
    const measurement: Measurement = { 'idle.total': total(idle), 'load.total': peakTotal };
    for (const name of context.services) {
      measurement[`idle.${name}`] = idle[name] ?? NaN;
      measurement[`load.${name}`] = peak[name] ?? NaN;
    }
    return measurement;
  },
};
