import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocket } from 'undici';
import { SERVICE_NAMES, ServiceName } from '@styrkedjan/platform';
import { startTestDatabase, stopTestDatabase, TestSystem } from '@styrkedjan/testing';
import { Gateway } from './http';
import { timeRequests } from './latency';
import { cpuMs, databaseCpu, databaseCpuBetween } from './process-cpu';
import { needBody } from './scenarios/write';

type Autocannon = (options: Record<string, unknown>) => Promise<{ non2xx: number; errors: number }>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon: Autocannon = require('autocannon');

/**
 * Where a request's CPU goes, measured so that other work on the machine disturbs it least: CPU time of the
 * gateway's and a service's process (from /proc) over a fixed number of requests, and a V8 CPU profile of the
 * same window taken through each process's inspector, summarised by module (self time, and self time charged
 * to the nearest frame of a package or of our code, so a native JSON.stringify counts for whoever called it).
 *
 * `node dist/test/bench/profile.js [--requests=3000] [--reads=1000] [--out=profiles]`; the backend is the
 * environment's, as for the benchmark. The .cpuprofile files open in Chrome's DevTools.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A minimal Chrome DevTools Protocol client over a process's inspector socket. */
class Inspector {
  private next = 1;
  private readonly waiting = new Map<number, (result: unknown) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
      if (message.id !== undefined) this.waiting.get(message.id)?.(message.result);
    });
  }

  static async of(log: string[]): Promise<Inspector> {
    // The last one printed: a process started again prints its own.
    const url = log
      .join('')
      .match(/ws:\/\/127\.0\.0\.1:\d+\/[0-9a-f-]+/g)
      ?.at(-1);
    if (!url) throw new Error('the process printed no inspector address');
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => {
      socket.addEventListener('open', resolve);
      socket.addEventListener('error', reject);
    });
    return new Inspector(socket);
  }

  send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve) => {
      this.waiting.set(id, resolve as (result: unknown) => void);
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  close(): void {
    this.socket.close();
  }
}

/** The package or part of our code a frame belongs to. */
function moduleOf(url: string, functionName: string): string | null {
  if (!url) return functionName.startsWith('(') ? functionName : null;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const own = /dist\/((?:apps|libs)\/[^/]+)\/src\/(?:([^/]+)\/)?/.exec(url);
  if (own) return own[2] ? `${own[1]}/${own[2]}` : own[1];
  if (url.startsWith('node:')) return null; // charged to whoever called into Node
  return url;
}

/** Self time by module, raw and charged to the nearest package or own frame; top functions by self time. */
export function summarise(profile: CpuProfile, top = 25) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const charged = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of self) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    total += ms;
    let owner: string | null = null;
    for (let at: number | undefined = id; at !== undefined && owner === null; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      owner = moduleOf(frame.url, frame.functionName);
    }
    owner ??= 'node (no caller)';
    charged.set(owner, (charged.get(owner) ?? 0) + ms);
    const name = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^.*dist\//, '')}:${lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
  }
  const sorted = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), share: `${((ms / total) * 100).toFixed(1)}%` }));
  return { busyMs: Math.round(total), byModule: sorted(charged, 30), topFunctions: sorted(functions, top) };
}

async function main(): Promise<void> {
  const args = new Map(
    process.argv.slice(2).map((arg) => {
      const [name, value] = arg.replace(/^--/, '').split('=');
      return [name, value] as const;
    }),
  );
  const requests = Number(args.get('requests') ?? 3000);
  const reads = Number(args.get('reads') ?? 1000);
  const out = args.get('out') ?? 'profiles';
  mkdirSync(out, { recursive: true });
  const log = (message: string) => process.stderr.write(`[profile] ${message}\n`);

  await startTestDatabase({ durable: true });
  const system = await TestSystem.start({
    services: [],
    seed: false,
    env: {
      NODE_OPTIONS: '--inspect=127.0.0.1:0',
      DATABASE_POOL_SIZE: '10',
      OUTBOX_POLL_MS: '1000',
      CONSUMER_ATTEMPTS: '10',
      CONSUMER_BACKOFF_MS: '1000',
      CONSUMER_LOCK_MS: '30000',
    },
  });
  const inspectors = new Map<ServiceName, Inspector>();
  // Stopped however this ends: the services are processes of their own and would outlive it.
  process.once('SIGTERM', () => void system.stop().finally(() => process.exit(143)));
  try {
    // One at a time, the gateway last: on a busy machine seven processes starting at once can take longer than
    // the harness waits for each.
    for (const name of [...SERVICE_NAMES.filter((name) => name !== 'gateway'), 'gateway'] as const) {
      for (let attempt = 1; ; attempt++) {
        try {
          await system.startService(name);
          break;
        } catch (error) {
          await system.stopService(name);
          if (attempt === 3) throw error;
          log(`${name} was not ready in time; starting it again`);
        }
      }
    }
    await system.seed();
    for (const name of ['gateway', 'needs', 'pipeline'] as const)
      inspectors.set(name, await Inspector.of(system.logs.get(name) ?? []));
    const gateway = await Gateway.of(system);
    const stockholm = await system.organisationId('municipality', '0180');
    const pid = (name: ServiceName) => system.processes.get(name)!.pid!;
    const post = async (amount: number) => {
      const result = await autocannon({
        url: `${system.url}/needs`,
        method: 'POST',
        headers: gateway.headers(stockholm),
        body: JSON.stringify(needBody(0)),
        connections: 32,
        amount,
      });
      if (result.non2xx || result.errors)
        throw new Error(`POST /needs: ${result.non2xx} non-2xx, ${result.errors} errors`);
    };

    /** CPU per request of each named process over `work`, with a profile of the same window. */
    const measure = async (label: string, names: ServiceName[], count: number, work: () => Promise<void>) => {
      for (const name of names) {
        const inspector = inspectors.get(name)!;
        await inspector.send('Profiler.enable');
        await inspector.send('Profiler.setSamplingInterval', { interval: 200 });
        await inspector.send('Profiler.start');
      }
      const before = names.map((name) => cpuMs(pid(name)));
      const databaseBefore = await databaseCpu(system.db);
      const started = Date.now();
      await work();
      const seconds = (Date.now() - started) / 1000;
      const after = names.map((name) => cpuMs(pid(name)));
      const database = databaseCpuBetween(databaseBefore, await databaseCpu(system.db));
      // PostgreSQL's side of the same window: every backend of the system's database (consumers included).
      console.log(
        JSON.stringify({
          label,
          process: 'postgres',
          requests: count,
          seconds,
          cpuMsPerRequest: Number((database / count).toFixed(3)),
        }),
      );
      for (const [i, name] of names.entries()) {
        const { profile } = await inspectors.get(name)!.send<{ profile: CpuProfile }>('Profiler.stop');
        writeFileSync(join(out, `${label}.${name}.cpuprofile`), JSON.stringify(profile));
        const summary = summarise(profile);
        console.log(
          JSON.stringify({
            label,
            process: name,
            requests: count,
            seconds,
            cpuMsPerRequest: Number(((after[i] - before[i]) / count).toFixed(3)),
            profiledBusyMsPerRequest: Number((summary.busyMs / count).toFixed(3)),
            byModule: summary.byModule,
            topFunctions: summary.topFunctions,
          }),
        );
      }
    };

    // What the gateway spends with nothing to do (timers, health of its pools), to read the figures against.
    const idleBefore = cpuMs(pid('gateway'));
    await new Promise((resolve) => setTimeout(resolve, 5000));
    log(`gateway idle: ${((cpuMs(pid('gateway')) - idleBefore) / 5).toFixed(2)} ms of CPU per second`);

    log('warming up');
    await post(Math.min(1000, requests));
    await system.drained(300_000);
    log(`POST /needs × ${requests}, 32 connections`);
    await measure('write', ['gateway', 'needs'], requests, () => post(requests));
    await system.drained(300_000);

    const read = (base: string, headers: Record<string, string>) => async () => {
      const response = await fetch(`${base}/pipeline`, { headers });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`GET /pipeline: ${response.status}`);
    };
    const throughGateway = read(system.url, gateway.headers(stockholm));
    // Straight to the service with the assertion the gateway would sign (the service refuses a request without).
    const straight = read(
      system.serviceUrl('pipeline'),
      system.assertion('pipeline', 'GET', '/pipeline', {
        organisationId: stockholm,
        organisationKind: 'municipality',
        userId: 'bench',
        method: 'jwt',
      }),
    );
    await timeRequests(['/pipeline'], 200, 1, throughGateway);
    log(`GET /pipeline × ${reads}, one at a time`);
    await measure('read', ['gateway', 'pipeline'], reads, () =>
      timeRequests(['/pipeline'], reads, 1, throughGateway).then(() => undefined),
    );
    await measure('read-straight', ['pipeline'], reads, () =>
      timeRequests(['/pipeline'], reads, 1, straight).then(() => undefined),
    );
  } finally {
    for (const inspector of inspectors.values()) inspector.close();
    await system.stop();
    await stopTestDatabase();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
