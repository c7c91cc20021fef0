/**
 * Every service in one Node process, each on the port of its <SERVICE>_URL (`npm start -- --one-process`):
 * for a laptop or a small deployment, where seven runtimes' worth of memory matters more than isolation.
 * Each service keeps its own Nest application, database pool, queues and outbox relay, exactly as apart.
 */
import 'reflect-metadata';
import {
  launchPortOf,
  parseLauncherConfig,
  runService,
  SERVICE_NAMES,
  ServiceName,
  ServiceOptions,
} from '@styrkedjan/platform';

type ServiceEntry = () => Promise<{ module: unknown; options?: ServiceOptions }>;

const SERVICES: Record<ServiceName, ServiceEntry> = {
  gateway: async () => ({
    module: (await import('../apps/gateway/src/app.module')).AppModule,
    options: (await import('../apps/gateway/src/service-options')).gatewayServiceOptions,
  }),
  directory: async () => ({ module: (await import('../apps/directory/src/app.module')).AppModule }),
  needs: async () => ({ module: (await import('../apps/needs/src/app.module')).AppModule }),
  supports: async () => ({ module: (await import('../apps/supports/src/app.module')).AppModule }),
  feedback: async () => ({ module: (await import('../apps/feedback/src/app.module')).AppModule }),
  notifications: async () => ({ module: (await import('../apps/notifications/src/app.module')).AppModule }),
  pipeline: async () => ({ module: (await import('../apps/pipeline/src/app.module')).AppModule }),
};

async function main(): Promise<void> {
  const config = parseLauncherConfig();
  // The gateway last: it routes to the others.
  for (const name of [...SERVICE_NAMES.filter((service) => service !== 'gateway'), 'gateway'] as ServiceName[]) {
    const { module, options } = await SERVICES[name]();
    await runService(module, name, options, launchPortOf(config, name));
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
