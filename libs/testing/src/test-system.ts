import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { CONSUMER_NAMES, queueNameOf } from '@styrkedjan/contracts';
import { openQueueBackend, QueueBackend } from '@styrkedjan/messaging';
import { DEV_OPERATOR_ORGANISATION } from '@styrkedjan/access';
import {
  ASSERTION_HEADER,
  Principal,
  SERVICE_NAMES,
  ServiceAssertions,
  serviceFiles,
  ServiceName,
  SERVICES,
} from '@styrkedjan/platform';
import { eventually } from './eventually';
import { freePort } from './free-port';
import { stopProcess } from './processes';
import { createThrowawayDatabase, dropThrowawayDatabase } from './throwaway-database';
import { TestIdentityProvider, TokenOptions } from './test-identity-provider';

const UP = join(__dirname, '..', '..', '..');
// The repository when run from source (Jest); compiled into dist/libs/testing/src (npm run bench), it is dist itself.
const ROOT = basename(UP) === 'dist' ? dirname(UP) : UP;
const DIST = join(ROOT, 'dist');
/** How long a service may take to report ready; a loaded machine needs more than a quiet one. */
const READY_TIMEOUT_MS = Number(process.env.TEST_READY_TIMEOUT_MS ?? 60_000);
const SCHEMAS = SERVICE_NAMES.map((name) => SERVICES[name].schema);

export interface TestSystemOptions {
  /** The services to run; all of them unless narrowed (one service for an integration test). */
  services?: ServiceName[];
  /** Load the reference data and wait until every service has taken it in; on unless turned off. */
  seed?: boolean;
  /** Extra environment for every service. */
  env?: Record<string, string>;
  /** Every service in one process, as `npm start -- --one-process` runs them. */
  oneProcess?: boolean;
  /** The PostgreSQL server to make the test database on (a URL of any database there); DATABASE_URL's unless given. */
  databaseUrl?: string;
  /** The Redis for the queues; REDIS_URL's unless given, and null for the queues on PostgreSQL whatever it says. */
  redisUrl?: string | null;
}

/**
 * The whole system as separate processes, built from `dist/`, on a database and queue prefix of its own,
 * so test files never see each other's data. Talks to the real PostgreSQL of DATABASE_URL (under Jest
 * without it, the embedded one that jest-global-setup starts) and to Redis when REDIS_URL is set, else
 * runs the queues on PostgreSQL, exactly as the services choose.
 */
export class TestSystem {
  readonly processes = new Map<ServiceName, ChildProcess>();
  readonly logs = new Map<ServiceName, string[]>();
  readonly ports = {} as Record<ServiceName, number>;
  readonly db: Client;
  private backend?: QueueBackend;
  private readonly queues = new Map<string, Queue>();
  /** The identity provider the gateway trusts: tokens for any organisation and role. */
  identity: TestIdentityProvider;

  private constructor(
    readonly databaseUrl: string,
    readonly redisUrl: string | undefined,
    readonly queuePrefix: string,
    private readonly env: Record<string, string>,
  ) {
    this.db = new Client({ connectionString: databaseUrl });
  }

  static async start(options: TestSystemOptions = {}): Promise<TestSystem> {
    const database = await createThrowawayDatabase(options.databaseUrl);
    const redisUrl =
      options.redisUrl === undefined ? process.env.REDIS_URL || undefined : (options.redisUrl ?? undefined);
    const system = new TestSystem(database.url, redisUrl, database.queuePrefix, options.env ?? {});
    try {
      system.identity = await TestIdentityProvider.start();
      await system.db.connect();
      system.backend = await openQueueBackend({
        REDIS_URL: system.redisUrl,
        DATABASE_URL: system.databaseUrl,
        QUEUE_PREFIX: system.queuePrefix,
        QUEUE_POOL_SIZE: 3,
      });
      for (const name of SERVICE_NAMES) system.ports[name] = await freePort();
      if (options.oneProcess) await system.launch(join(DIST, 'scripts', 'all-services.js'), {}, SERVICE_NAMES);
      else
        await Promise.allSettled((options.services ?? SERVICE_NAMES).map((name) => system.startService(name))).then(
          throwFirstRejection,
        );
      if (options.seed !== false) await system.seed();
      return system;
    } catch (error) {
      // A start that fails half-way must not leave services running behind the failed test file.
      await system.stop().catch(() => undefined);
      throw error;
    }
  }

  /** The secret of this system's assertions, made for it as `npm start` makes one per start. */
  readonly serviceAuthSecret = randomBytes(48).toString('base64url');
  private readonly assertions = new ServiceAssertions(this.serviceAuthSecret);

  /**
   * The header of an assertion as the gateway would sign it, for a test that calls a service straight: for `method`
   * and `target` (path and query) at `service`, acting for `principal` (none: a service-to-service call, or a
   * request without an actor). `issuer` is the gateway unless a service calls another.
   */
  assertion(
    service: ServiceName,
    method: string,
    target: string,
    principal: Principal | null = null,
    issuer = 'gateway',
  ): Record<string, string> {
    return {
      [ASSERTION_HEADER]: this.assertions.sign({ issuer, audience: service, method, target, principal }),
    };
  }

  /** The organisation that operates the platform here: only its principals hold platform_operator. */
  readonly operatorOrganisationId: string = DEV_OPERATOR_ORGANISATION.id;

  get url(): string {
    return `http://127.0.0.1:${this.ports.gateway}`;
  }

  serviceUrl(name: ServiceName): string {
    return `http://127.0.0.1:${this.ports[name]}`;
  }

  /** Starts one service and waits until it reports ready. */
  async startService(name: ServiceName, env: Record<string, string> = {}): Promise<void> {
    await this.launch(join(DIST, `${serviceFiles(name).main}.js`), { PORT: String(this.ports[name]), ...env }, [name]);
  }

  /** Runs a process that serves the named services, and waits until each reports ready. */
  private async launch(script: string, env: Record<string, string>, names: readonly ServiceName[]): Promise<void> {
    const child = spawn(process.execPath, [script], {
      cwd: ROOT,
      env: { ...this.serviceEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = this.logs.get(names[0]) ?? [];
    this.logs.set(names[0], log);
    child.stdout?.on('data', (chunk) => log.push(String(chunk)));
    child.stderr?.on('data', (chunk) => log.push(String(chunk)));
    for (const name of names) this.processes.set(name, child);
    for (const name of names) {
      await eventually(
        async () => {
          if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${log.join('')}`);
          const response = await fetch(`${this.serviceUrl(name)}/health/ready`);
          if (!response.ok) throw new Error(`${name} not ready: ${await response.text()}`);
        },
        { timeoutMs: READY_TIMEOUT_MS, intervalMs: 100 },
      );
    }
  }

  /** Processes started by startReplica, beside the one of each service that the gateway routes to. */
  readonly replicas: { name: ServiceName; port: number; process: ChildProcess; log: string[] }[] = [];

  /**
   * One more process of a service, on a port of its own, as a deployment with replicas runs it: its relay
   * and consumer work beside the first one's (the gateway keeps routing requests to the first).
   */
  async startReplica(name: ServiceName, env: Record<string, string> = {}): Promise<ChildProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [join(DIST, 'apps', name, 'src', 'main.js')], {
      cwd: ROOT,
      env: { ...this.serviceEnv(), PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log: string[] = [];
    child.stdout?.on('data', (chunk) => log.push(String(chunk)));
    child.stderr?.on('data', (chunk) => log.push(String(chunk)));
    this.replicas.push({ name, port, process: child, log });
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`${name} replica exited with ${child.exitCode}:\n${log.join('')}`);
        const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
        if (!response.ok) throw new Error(`${name} replica not ready: ${await response.text()}`);
      },
      { timeoutMs: READY_TIMEOUT_MS, intervalMs: 100 },
    );
    return child;
  }

  /** Stops every replica (SIGTERM, or SIGKILL for a crash). */
  async stopReplicas(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await Promise.all(this.replicas.splice(0).map(({ process: child }) => stopProcess(child, signal)));
  }

  /** Stops a service: SIGTERM for a clean stop, SIGKILL to simulate a crash. */
  async stopService(name: ServiceName, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.processes.get(name);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  }

  /** Loads the reference data, then waits until every service has taken in the directory's events. */
  async seed(): Promise<void> {
    await this.runCommand(join(DIST, 'apps', 'directory', 'src', 'seed.js'));
    await this.drained();
  }

  /** Runs a command (a seed, a replay) with the services' environment; throws unless it exits 0. */
  async runCommand(script: string, args: string[] = []): Promise<string> {
    const { code, output } = await this.run(script, args);
    if (code !== 0) throw new Error(`${script} exited with ${code}:\n${output}`);
    return output;
  }

  /** Runs a command and reports how it ended, for tests of its failures. */
  async run(script: string, args: string[] = []): Promise<{ code: number | null; output: string }> {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: ROOT,
      env: this.serviceEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const [code] = await once(child, 'exit');
    return { code, output };
  }

  /** Resolves once no outbox holds an unpublished event and no queue holds a waiting, delayed or active job. */
  async drained(timeoutMs = 30_000): Promise<void> {
    await eventually(
      async () => {
        // Every service's schema; those without an outbox (the gateway's) are passed over.
        for (const schema of SCHEMAS) {
          const exists = await this.db.query(
            'SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2',
            [schema, 'outbox'],
          );
          if (!exists.rowCount) continue;
          const { rows } = await this.db.query(
            `SELECT count(*)::int AS n FROM "${schema}".outbox WHERE published_at IS NULL`,
          );
          if (rows[0].n > 0) throw new Error(`${schema} outbox holds ${rows[0].n} unpublished events`);
        }
        for (const consumer of CONSUMER_NAMES) {
          const counts = await this.queue(consumer).getJobCounts('waiting', 'active', 'delayed', 'prioritized');
          const busy = Object.values(counts).reduce((sum, n) => sum + n, 0);
          if (busy > 0) throw new Error(`queue ${consumer} busy: ${JSON.stringify(counts)}`);
        }
      },
      { timeoutMs, intervalMs: 50 },
    );
  }

  /** A BullMQ queue of a consumer, on the system's backend, for tests that put jobs on it directly. */
  queue(consumer: (typeof CONSUMER_NAMES)[number]): Queue {
    let queue = this.queues.get(consumer);
    if (!queue) {
      if (!this.backend) throw new Error('the test system is not started');
      queue = this.backend.queue(queueNameOf(consumer));
      this.queues.set(consumer, queue);
    }
    return queue;
  }

  /** The id of a seeded organisation, by kind and code ('municipality', '0180'). */
  async organisationId(kind: string, code: string): Promise<string> {
    const { rows } = await this.db.query('SELECT id FROM directory.organisations WHERE kind = $1 AND code = $2', [
      kind,
      code,
    ]);
    if (!rows.length) throw new Error(`no ${kind} ${code} in the directory`);
    return rows[0].id;
  }

  // --- identity: tokens signed by the test identity provider the gateway trusts

  /** A bearer token for a user of `organisationId` in `role` (or several roles). */
  token(organisationId: string, role: string | string[], options?: TokenOptions): string {
    return this.identity.token(organisationId, Array.isArray(role) ? role : [role], options);
  }

  /** The Authorization header of such a token, for supertest's `.set()`. */
  /** A support drafted and published by `agencyId` (as its editor) in `areaCode`, answering no need. Answers its id. */
  async publishSupport(agencyId: string, areaCode: string, title: string): Promise<string> {
    const call = async (path: string, body?: unknown): Promise<{ id: string }> => {
      const response = await fetch(`${this.url}${path}`, {
        method: 'POST',
        headers: { ...this.as(agencyId, 'agency_editor'), 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      });
      if (response.status >= 300) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as { id: string };
    };
    const drafted = await call('/supports', {
      title,
      summary: '',
      areaCode,
      needIds: [],
      coProducerIds: [],
      plannedReleaseDate: null,
    });
    await call(`/supports/${drafted.id}/publish`);
    return drafted.id;
  }

  /**
   * Every municipality of the region with this code, made to follow `areaCode` through the API: the audience an
   * alert about that area must reach. Answers their ids.
   */
  async municipalitiesFollowing(regionCode: string, areaCode: string): Promise<string[]> {
    const region = await this.organisationId('region', regionCode);
    const { rows } = await this.db.query<{ id: string }>(
      "SELECT id FROM directory.organisations WHERE region_id = $1 AND kind = 'municipality'",
      [region],
    );
    for (const { id } of rows) {
      const response = await fetch(`${this.url}/organisations/${id}/subscriptions`, {
        method: 'PUT',
        headers: { ...this.as(id, 'municipality'), 'content-type': 'application/json' },
        body: JSON.stringify({ areaCodes: [areaCode] }),
      });
      if (response.status !== 200) throw new Error(`subscribing ${id}: ${response.status} ${await response.text()}`);
    }
    return rows.map((row) => row.id);
  }

  as(organisationId: string, role: string | string[], options?: TokenOptions): { Authorization: string } {
    return { Authorization: `Bearer ${this.token(organisationId, role, options)}` };
  }

  /** Everything the services printed, for a failing test's message. */
  output(): string {
    return [...this.logs].map(([name, lines]) => `--- ${name}\n${lines.join('').slice(-4000)}`).join('\n');
  }

  async stop(): Promise<void> {
    await this.stopReplicas();
    await Promise.all(SERVICE_NAMES.map((name) => this.stopService(name)));
    // On Redis the queues outlive the test: remove them. On PostgreSQL they go with the database.
    if (this.redisUrl)
      await Promise.all(CONSUMER_NAMES.map((consumer) => this.queue(consumer).obliterate({ force: true })));
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    await this.backend?.close();
    await this.db.end();
    await this.identity?.stop();
    await dropThrowawayDatabase(this.databaseUrl);
  }

  private serviceEnv(): Record<string, string> {
    const urls = Object.fromEntries(SERVICE_NAMES.map((name) => [`${name.toUpperCase()}_URL`, this.serviceUrl(name)]));
    return {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      DATABASE_URL: this.databaseUrl,
      DATABASE_POOL_SIZE: '5',
      ...(this.redisUrl ? { REDIS_URL: this.redisUrl } : {}),
      QUEUE_PREFIX: this.queuePrefix,
      QUEUE_POOL_SIZE: '3',
      OUTBOX_POLL_MS: '500',
      CONSUMER_ATTEMPTS: '3',
      CONSUMER_BACKOFF_MS: '100',
      CONSUMER_LOCK_MS: '3000',
      ...this.identity.gatewayEnv(),
      PLATFORM_OPERATOR_ORGANISATION_ID: this.operatorOrganisationId,
      SERVICE_AUTH_SECRET: this.serviceAuthSecret,
      // Limits generous enough for tests that are not about them.
      RATE_LIMIT_ORGANISATION: '100000',
      RATE_LIMIT_KEY: '100000',
      RATE_LIMIT_AUTH_FAILURES: '100000',
      ...urls,
      ...this.env,
    };
  }
}

/** Every start waits for each one; the first failure is the one reported. */
function throwFirstRejection(results: PromiseSettledResult<unknown>[]): void {
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}
