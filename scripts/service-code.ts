/**
 * Loads a service's code by the manifest's layout (`serviceFiles`), so that the launchers and commands
 * never list the services themselves. Run from dist/ once built, from the sources under Jest.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceDatabase, serviceFiles, ServiceName, ServiceOptions, SERVICES } from '@styrkedjan/platform';

/** dist/ when built (this file is dist/scripts/service-code.js), the repository when run from the sources. */
export const BUILD_ROOT = join(__dirname, '..');

/** The file that runs a service as its own process. */
export function serviceMainFile(name: ServiceName): string {
  return join(BUILD_ROOT, `${serviceFiles(name).main}.js`);
}

/** A service's root module and the options of its HTTP edge, to run it inside another process. */
export async function loadServiceApplication(
  name: ServiceName,
): Promise<{ module: unknown; options?: ServiceOptions }> {
  const files = serviceFiles(name);
  const module = await exported<unknown>(files.appModule, 'AppModule');
  const hasOptions = ['.js', '.ts'].some((extension) => existsSync(join(BUILD_ROOT, files.serviceOptions + extension)));
  const options = hasOptions
    ? await exported<ServiceOptions>(files.serviceOptions, `${name}ServiceOptions`)
    : undefined;
  return { module, options };
}

/** A service's schema with its entities and migrations. */
export function loadServiceDatabase(name: ServiceName): Promise<ServiceDatabase> {
  return exported<ServiceDatabase>(serviceFiles(name).database, `${SERVICES[name].schema}Database`);
}

async function exported<T>(file: string, name: string): Promise<T> {
  const module = (await import(join(BUILD_ROOT, file))) as Record<string, unknown>;
  if (module[name] === undefined) throw new Error(`${file} exports no ${name}`);
  return module[name] as T;
}
