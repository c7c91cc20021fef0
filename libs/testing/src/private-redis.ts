import { ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import IORedis from 'ioredis';
import { eventually } from './eventually';
import { freePort } from './free-port';
import { stopProcess } from './processes';

/**
 * A redis-server of a test's own, on a free port and without persistence, so that it can be flushed,
 * stopped and started empty without touching the Redis other tests share. Throws when redis-server is
 * not installed: a test that needs one must fail, not pass without it.
 */
export class PrivateRedis {
  private server?: ChildProcess;

  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly log: string[] = [],
  ) {}

  static async start(): Promise<PrivateRedis> {
    if (!onPath('redis-server')) {
      throw new Error(
        'redis-server is not on PATH: these tests start a Redis of their own (apt-get install redis-server)',
      );
    }
    const redis = new PrivateRedis(await freePort(), await mkdtemp(join(tmpdir(), 'styrkedjan-redis-')));
    await redis.resume();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server (again) on the same port, with no data: what a restart without persistence gives. */
  async resume(): Promise<void> {
    const server = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    server.stdout?.on('data', (chunk) => this.log.push(String(chunk)));
    server.stderr?.on('data', (chunk) => this.log.push(String(chunk)));
    this.server = server;
    await eventually(
      async () => {
        if (server.exitCode !== null)
          throw new Error(`redis-server exited with ${server.exitCode}:\n${this.log.join('')}`);
        await this.command((client) => client.ping());
      },
      { timeoutMs: 10_000, intervalMs: 50 },
    );
  }

  /** Kills the server outright: everything it held is gone. */
  async kill(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await stopProcess(server, 'SIGKILL');
  }

  /** FLUSHALL: every key gone while the server keeps running, as an operator's mistake would do. */
  async flushAll(): Promise<void> {
    await this.command((client) => client.flushall());
  }

  async stop(): Promise<void> {
    await this.kill();
    await rm(this.dir, { recursive: true, force: true });
  }

  private async command<T>(run: (client: IORedis) => Promise<T>): Promise<T> {
    const client = new IORedis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return await run(client);
    } finally {
      client.disconnect();
    }
  }
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
