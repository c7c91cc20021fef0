import { performance } from 'node:perf_hooks';
import { SERVICE_NAMES } from '@styrkedjan/platform';
import { startTestDatabase, stopTestDatabase, TestSystem } from '@styrkedjan/testing';
import { QueueBackend, queueBackend } from './backend';
import { Gateway } from './http';
import { parseOptions } from './options';
import { Environment, jsonLine, machine, markdown, Row, rowsOf } from './report';
import type { BenchContext, Measurement, Scenario } from './scenario';
import { writeScenario } from './scenarios/write';
import { memoryScenario } from './scenarios/memory';
import { fanOutScenario } from './scenarios/fanout';
import { eventScenario } from './scenarios/events';
import { readScenario, rebuildScenario } from './scenarios/event-log';
import { endorseScenario, similarScenario } from './scenarios/needs-first';
import { consultationsScenario } from './scenarios/consultations';
import { coordinationScenario } from './scenarios/coordination';

const SCENARIOS: Scenario[] = [
  writeScenario,
  memoryScenario,
  fanOutScenario,
  eventScenario,
  rebuildScenario,
  readScenario,
  similarScenario,
  endorseScenario,
  consultationsScenario,
  coordinationScenario,
];

/**
 * `npm run bench [-- --only=W,F --runs=3 …]` (options: ./options.ts). Starts the whole system from dist/
 * on a database and queue prefix of its own (libs/testing), runs each chosen scenario `runs` times with
 * its raw baseline in the same run, prints one JSON line per figure on stdout and a markdown table, and
 * removes the database and queues afterwards. Progress goes to stderr. The backend is whatever the
 * environment gives the services (DATABASE_URL, REDIS_URL), as for the tests.
 */
async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const log = (message: string) =>
    process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
  log(`scenarios ${options.only.join(',')}, ${options.runs} runs each; starting the system`);
  // Without DATABASE_URL, a throwaway embedded PostgreSQL, durable as `npm start` runs it.
  await startTestDatabase({ durable: true });
  // Service settings as in production (libs/platform defaults) rather than the test harness's quick ones.
  const benchEnv = {
    ...JSON.parse(process.env.BENCH_SERVICE_ENV ?? '{}'),
    DATABASE_POOL_SIZE: '10',
    OUTBOX_POLL_MS: '1000',
    CONSUMER_ATTEMPTS: '10',
    CONSUMER_BACKOFF_MS: '1000',
    CONSUMER_LOCK_MS: '30000',
  };
  const system = await TestSystem.start({ env: benchEnv });
  const backend = await queueBackend(system);
  const stopping = async () => {
    await backend.close().catch(() => undefined);
    await system.stop();
    await stopTestDatabase();
  };
  process.once('SIGINT', () => void stopping().finally(() => process.exit(130)));
  try {
    const done = new Map<string, Promise<void>>();
    const context: BenchContext = {
      system,
      gateway: await Gateway.of(system),
      backend,
      options,
      benchEnv,
      orgs: {
        stockholm: await system.organisationId('municipality', '0180'),
        agency: await system.organisationId('agency', 'SOS'),
      },
      services: SERVICE_NAMES,
      log,
      once: (key, work) => {
        if (!done.has(key)) done.set(key, work());
        return done.get(key)!;
      },
    };
    const environment: Environment = {
      date: new Date().toISOString().slice(0, 10),
      machine: machine(),
      versions: await versions(system, backend),
      backend: backend.name,
    };
    log(`${environment.machine}; ${environment.versions}; backend ${environment.backend}`);
    const rows: Row[] = [];
    for (const scenario of SCENARIOS.filter((s) => options.only.includes(s.id))) {
      log(`${scenario.id}: ${scenario.title}`);
      const started = performance.now();
      await scenario.setup?.(context);
      const runs: Measurement[] = [];
      for (let run = 1; run <= options.runs; run++) {
        await system.drained(300_000);
        const measurement = await scenario.run(context, run);
        log(
          `${scenario.id} run ${run}: ${JSON.stringify(measurement, (_key, value) => (typeof value === 'number' ? Math.round(value * 100) / 100 : value))}`,
        );
        runs.push(measurement);
      }
      const scenarioRows = rowsOf(scenario, scenario.figures(options), runs);
      for (const row of scenarioRows) console.log(jsonLine(row, environment));
      rows.push(...scenarioRows);
      log(`${scenario.id} took ${Math.round((performance.now() - started) / 1000)} s`);
    }
    if (options.table) console.log(`\n${markdown(rows, environment, options.runs)}\n`);
    return 0;
  } catch (error) {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    log(system.output());
    return 1;
  } finally {
    await stopping();
  }
}

async function versions(system: TestSystem, backend: QueueBackend): Promise<string> {
  const { rows } = await system.db.query('SHOW server_version');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bullmq = require('bullmq/package.json').version;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const own = require('../../../package.json').version;
  return `styrkedjan ${own}, Node ${process.versions.node}, PostgreSQL ${String(rows[0].server_version).split(' ')[0]}, ${await backend.version()}, BullMQ ${bullmq}`;
}

// Exit when done even if a client somewhere still holds a socket: the system is stopped by then.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
