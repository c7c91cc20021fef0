/**
 * `npm start`: loads the reference data, then runs every service as its own process, exactly as each
 * would run alone (`npm run start:<service>`), with their output prefixed by name. Ctrl-C stops them all;
 * if one dies, the others are stopped too, so a broken system never looks half alive.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseConfig, SERVICE_NAMES, SERVICE_PORTS, ServiceName } from '@styrkedjan/platform';

const DIST = join(__dirname, '..');
const children = new Map<string, ChildProcess>();
let stopping = false;

function run(name: string, script: string, env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'], env });
  const prefix = `[${name}]`.padEnd(16);
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`${prefix} ${line}\n`);
    });
  }
  children.set(name, child);
  return child;
}

function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children.values()) if (child.exitCode === null) child.kill('SIGTERM');
  const wait = setInterval(() => {
    if ([...children.values()].every((child) => child.exitCode !== null || child.signalCode !== null)) {
      clearInterval(wait);
      process.exit(code);
    }
  }, 100);
}

async function waitUntilReady(name: ServiceName, url: string): Promise<void> {
  for (let attempt = 0; attempt < 600 && !stopping; attempt++) {
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not become ready`);
}

async function main(): Promise<void> {
  const config = parseConfig();
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));

  const seed = run('seed', join(DIST, 'apps', 'directory', 'src', 'seed.js'));
  const [seedCode] = await new Promise<[number | null]>((resolve) => seed.on('exit', (code) => resolve([code])));
  children.delete('seed');
  if (seedCode !== 0) throw new Error(`seeding the directory failed (exit ${seedCode})`);

  for (const name of SERVICE_NAMES) {
    // Each service listens on the port of its own <SERVICE>_URL, so one PORT never applies to all.
    const port = new URL(config.serviceUrls[name]).port || String(SERVICE_PORTS[name]);
    const child = run(name, join(DIST, 'apps', name, 'src', 'main.js'), { ...process.env, PORT: port });
    child.on('exit', (code, signal) => {
      if (stopping) return;
      console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping the others`);
      stopAll(1);
    });
  }
  await Promise.all(SERVICE_NAMES.map((name) => waitUntilReady(name, config.serviceUrls[name])));
  const gateway = `http://localhost:${new URL(config.serviceUrls.gateway).port}`;
  console.log(`\nStyrkedjan is up.\n  API:      ${gateway}\n  API docs: ${gateway}/docs\n  Ctrl-C stops it.\n`);
}

main().catch((error: Error) => {
  console.error(error.message);
  stopAll(1);
});
