/**
 * The container image's entry point (docker/Dockerfile): `node dist/scripts/container.js [command]`.
 *
 *   <service>              runs one service (gateway, directory, needs, ...); without an argument, the SERVICE variable
 *   migrate                creates the schemas and runs every service's migrations
 *   seed                   loads the reference data into the directory (idempotent)
 *   setup                  migrate, then seed: the one-shot step before the services start
 *   replay <read model>    rebuilds a read model from the event log (pipeline)
 *   health                 exits 0 when this container's service answers /health/ready (the image's HEALTHCHECK)
 *
 * Everything runs in this process, so the container's signals reach the service directly.
 */
import { join } from 'node:path';
// The manifest alone, not the platform's index: the health check runs every few seconds and must stay light.
import { isServiceName, SERVICE_NAMES, SERVICE_PORTS, serviceFiles } from '../libs/platform/src/services';

const DIST = join(__dirname, '..');
const COMMANDS = ['migrate', 'seed', 'setup', 'replay', 'health'] as const;

/** The port this container's service listens on: PORT when set, else the service's default (as runService does). */
function servicePort(env: NodeJS.ProcessEnv): number | undefined {
  if (env.PORT) return Number(env.PORT);
  return isServiceName(env.SERVICE) ? SERVICE_PORTS[env.SERVICE] : undefined;
}

async function health(env: NodeJS.ProcessEnv): Promise<number> {
  const port = servicePort(env);
  if (!port) {
    console.error('health: set SERVICE (or PORT) so the check knows which port to ask');
    return 1;
  }
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(4000) });
    if (response.ok) return 0;
    console.error(`health: ${response.status} ${await response.text()}`);
  } catch (error) {
    console.error(`health: ${(error as Error).message}`);
  }
  return 1;
}

async function main(args: string[]): Promise<number | undefined> {
  const [command = process.env.SERVICE, ...rest] = args;
  if (isServiceName(command)) {
    process.env.SERVICE = command;
    await import(join(DIST, `${serviceFiles(command).main}.js`));
    return undefined;
  }
  switch (command) {
    case 'health':
      return health(process.env);
    case 'migrate':
      await (await import('./migrate')).migrate();
      return 0;
    case 'setup':
      await (await import('./migrate')).migrate();
      await import(join(DIST, 'apps', 'directory', 'src', 'seed.js'));
      return undefined;
    case 'seed':
      await import(join(DIST, 'apps', 'directory', 'src', 'seed.js'));
      return undefined;
    case 'replay':
      // replay.js reads its read model from argv[2], as when run on its own.
      process.argv = [process.argv[0], join(DIST, 'apps', 'pipeline', 'src', 'replay.js'), ...rest];
      await import(process.argv[1]);
      return undefined;
    default:
      console.error(
        `${command ? `Unknown command '${command}'. ` : 'No command and no SERVICE set. '}` +
          `Give one of: ${[...SERVICE_NAMES, ...COMMANDS].join(', ')}`,
      );
      return 64;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
