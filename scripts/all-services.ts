/**
 * Every service in one Node process, each on the port of its <SERVICE>_URL (`npm start -- --one-process`):
 * for a laptop or a small deployment, where nine runtimes' worth of memory matters more than isolation.
 * Each service keeps its own Nest application, database pool, queues and outbox relay, exactly as apart.
 */
import 'reflect-metadata';
import { launchPortOf, parseLauncherConfig, runService, SERVICE_NAMES } from '@styrkedjan/platform';
import { loadServiceApplication } from './service-code';

async function main(): Promise<void> {
  const config = parseLauncherConfig();
  // The gateway last: it routes to the others.
  for (const name of [...SERVICE_NAMES.filter((service) => service !== 'gateway'), 'gateway' as const]) {
    const { module, options } = await loadServiceApplication(name);
    await runService(module, name, options, launchPortOf(config, name));
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
