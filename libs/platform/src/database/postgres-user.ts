/**
 * Started by root, the embedded PostgreSQL runs as the `postgres` OS user (it refuses to run as root), and that
 * user must be able to enter the directories of its data and of its own binaries. A checkout in root's home
 * (/root is 0700: the normal case in containers and on fresh servers) is closed to it; what the server needs is
 * then kept in a directory of its own under /var/tmp, named after the checkout.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, readFile, rename, rm, stat, symlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** The data directory of `npm start` when EMBEDDED_POSTGRES_DIR is unset, in the checkout it runs from. */
export const DEFAULT_EMBEDDED_POSTGRES_DIR = '.data/postgres';

export function runsAsRoot(): boolean {
  return process.getuid?.() === 0;
}

/**
 * The first existing directory above `path` that the server's user cannot enter, or undefined when it can
 * reach `path` (always, unless root runs it). It may enter a directory that is open to all; group and owner
 * permissions are not counted on, so the answer errs towards moving out.
 */
export async function closedToPostgresUser(path: string): Promise<string | undefined> {
  if (!runsAsRoot()) return undefined;
  const ancestors: string[] = [];
  for (let dir = dirname(resolve(path)); dir !== dirname(dir); dir = dirname(dir)) ancestors.unshift(dir);
  for (const dir of ancestors) {
    const mode = await stat(dir).then(
      (stats) => stats.mode,
      () => undefined, // not made yet: it will be, open to all
    );
    if (mode !== undefined && (mode & 0o001) === 0) return dir;
  }
  return undefined;
}

/** A directory the `postgres` user may enter, for what a checkout it cannot enter must keep elsewhere. */
export async function homeOutsideCheckout(checkout: string): Promise<string> {
  const path = resolve(checkout);
  // The name says which checkout it serves; the hash of its path keeps two checkouts of one name apart.
  const hash = createHash('sha256').update(path).digest('hex').slice(0, 8);
  const home = join('/var/tmp', `styrkedjan-${basename(path)}-${hash}`);
  await mkdir(home, { recursive: true });
  await chmod(home, 0o755);
  return home;
}

export interface EmbeddedDataDir {
  path: string;
  /** Set when the checkout's own directory was passed over: the directory the `postgres` user cannot enter. */
  closed?: string;
}

/**
 * Where `npm start` keeps the embedded cluster: EMBEDDED_POSTGRES_DIR when set; else `.data/postgres` in the
 * checkout, unless the server's user cannot reach it there, and then in the checkout's home under /var/tmp.
 */
export async function embeddedDataDir(
  configured: string | undefined,
  checkout = process.cwd(),
): Promise<EmbeddedDataDir> {
  if (configured) return { path: resolve(checkout, configured) };
  const preferred = resolve(checkout, DEFAULT_EMBEDDED_POSTGRES_DIR);
  const closed = existsSync(join(preferred, 'PG_VERSION')) ? undefined : await closedToPostgresUser(preferred);
  if (!closed) return { path: preferred };
  return { path: join(await homeOutsideCheckout(checkout), 'postgres'), closed };
}

/**
 * The module to load the `embedded-postgres` package from: where it is installed, or, when the server's user
 * cannot reach its binaries there, a copy of it and of its binaries in the checkout's home under /var/tmp
 * (made once per version; its other dependencies are linked, root reads them where they are).
 */
export async function reachableServerPackage(): Promise<string> {
  if (!runsAsRoot()) return 'embedded-postgres';
  const installed = packageDir('embedded-postgres', __dirname);
  const binaries = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  const installedBinaries = packageDir(binaries, installed);
  if (!(await closedToPostgresUser(join(installedBinaries, 'native', 'bin', 'postgres')))) return 'embedded-postgres';

  const server = join(await homeOutsideCheckout(dirname(dirname(installed))), 'server');
  const copied = join(server, 'node_modules');
  const current = await Promise.all(
    [
      [installed, join(copied, 'embedded-postgres')],
      [installedBinaries, join(copied, binaries)],
    ].map(async ([from, to]) => (await versionOf(from)) === (await versionOf(to))),
  );
  if (!current.every(Boolean)) {
    // Made beside it and moved into place, so that a start running at the same time never sees half a copy.
    const staging = `${server}.${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    await cp(installed, join(staging, 'node_modules', 'embedded-postgres'), {
      recursive: true,
      verbatimSymlinks: true,
    });
    await cp(installedBinaries, join(staging, 'node_modules', binaries), { recursive: true, verbatimSymlinks: true });
    const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    for (const dependency of Object.keys(manifest.dependencies ?? {})) {
      const link = join(staging, 'node_modules', dependency);
      await mkdir(dirname(link), { recursive: true });
      await symlink(packageDir(dependency, installed), link, 'dir');
    }
    await rm(server, { recursive: true, force: true });
    await rename(staging, server).catch(async (error: NodeJS.ErrnoException) => {
      // Another start put its copy in place first: use that one.
      await rm(staging, { recursive: true, force: true });
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  }
  return join(copied, 'embedded-postgres', 'dist', 'index.js');
}

/** Where Node finds package `name` from directory `from`: the nearest node_modules/<name> up the tree. */
function packageDir(name: string, from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
  }
  throw new Error(`the ${name} package is not installed (npm install)`);
}

async function versionOf(packagePath: string): Promise<string | undefined> {
  const file = join(packagePath, 'package.json');
  if (!existsSync(file)) return undefined;
  return (JSON.parse(await readFile(file, 'utf8')) as { version?: string }).version;
}
