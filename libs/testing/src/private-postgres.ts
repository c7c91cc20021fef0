import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { openToPostgresUser } from '@styrkedjan/platform';
import { freePort } from './free-port';
import { stopProcess } from './processes';

const UP = join(__dirname, '..', '..', '..');
const ROOT = basename(UP) === 'dist' ? dirname(UP) : UP;
const SERVER_SCRIPT = join(ROOT, 'dist', 'libs', 'testing', 'src', 'private-postgres-server.js');

/**
 * A PostgreSQL server of a test's own (the embedded one, run by private-postgres-server from `dist/`), on a
 * free port, so that it can be stopped and started again under a running system without touching the
 * server other tests share.
 */
export class PrivatePostgres {
  private server?: ChildProcess;
  private serverUrl?: string;

  private constructor(
    private readonly dir: string,
    readonly port: number,
  ) {}

  static async start(): Promise<PrivatePostgres> {
    const dir = await mkdtemp(join(tmpdir(), 'styrkedjan-private-pg-'));
    await openToPostgresUser(dir);
    const postgres = new PrivatePostgres(dir, await freePort());
    await postgres.resume();
    return postgres;
  }

  /** The URL of its `postgres` database; the same across restarts. */
  get url(): string {
    if (!this.serverUrl) throw new Error('the private PostgreSQL has not started');
    return this.serverUrl;
  }

  /** Starts the server (again) on its data directory and port: committed data survives. */
  async resume(): Promise<void> {
    const server = spawn(process.execPath, [SERVER_SCRIPT, join(this.dir, 'data'), String(this.port)], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.server = server;
    let output = '';
    server.stderr?.on('data', (chunk) => (output += chunk));
    this.serverUrl = await new Promise<string>((resolve, reject) => {
      server.stdout?.on('data', (chunk) => {
        output += chunk;
        const ready = /^ready (\S+)$/m.exec(output);
        if (ready) resolve(ready[1]);
      });
      server.on('exit', (code) => reject(new Error(`the private PostgreSQL exited with ${code}:\n${output}`)));
    });
  }

  /** A fast shutdown: open transactions are rolled back and every connection is cut. */
  async halt(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await stopProcess(server, 'SIGTERM');
  }

  async stop(): Promise<void> {
    await this.halt();
    await rm(this.dir, { recursive: true, force: true });
  }
}
