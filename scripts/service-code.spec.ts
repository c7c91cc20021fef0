import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serviceFiles, SERVICE_NAMES, SERVICES } from '@styrkedjan/platform';
import { BUILD_ROOT, loadServiceDatabase } from './service-code';

const ROOT = join(__dirname, '..');

describe('the service manifest', () => {
  it.each(SERVICE_NAMES)('finds the code of %s where the layout says', async (name) => {
    const files = serviceFiles(name);
    for (const file of [files.main, files.appModule]) expect(existsSync(join(BUILD_ROOT, `${file}.ts`))).toBe(true);
    const database = await loadServiceDatabase(name);
    expect(database.schema).toBe(SERVICES[name].schema);
    expect(database.migrations).not.toHaveLength(0);
  });

  it('gives every service its own schema', () => {
    const schemas = SERVICE_NAMES.map((name) => SERVICES[name].schema);
    expect(new Set(schemas).size).toBe(schemas.length);
  });

  it('is what .env.example lists as the services’ addresses', () => {
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
    const listed = [...example.matchAll(/^#?\s*([A-Z]+)_URL=http:\/\/127\.0\.0\.1:(\d+)$/gm)].map(([, name, port]) => [
      name.toLowerCase(),
      Number(port),
    ]);
    expect(listed).toEqual(SERVICE_NAMES.map((name) => [name, SERVICES[name].port]));
  });

  it('is what the Nest CLI builds and starts: an application per service, a library per lib', () => {
    const nest = JSON.parse(readFileSync(join(ROOT, 'nest-cli.json'), 'utf8')) as {
      monorepo: boolean;
      projects: Record<string, { type: string; root: string; sourceRoot: string; entryFile: string }>;
    };
    expect(nest.monorepo).toBe(true);
    const expected = Object.fromEntries([
      ...SERVICE_NAMES.map((name) => [
        name,
        { type: 'application', root: `apps/${name}`, sourceRoot: `apps/${name}/src`, entryFile: 'main' },
      ]),
      ...readdirSync(join(ROOT, 'libs')).map((lib) => [
        lib,
        { type: 'library', root: `libs/${lib}`, sourceRoot: `libs/${lib}/src`, entryFile: 'index' },
      ]),
    ]);
    expect(nest.projects).toEqual(expected);
    // `nest start <service>` runs dist/<sourceRoot>/<entryFile>.js: the file the launchers run too.
    for (const name of SERVICE_NAMES) {
      const { sourceRoot, entryFile } = nest.projects[name];
      expect(`${sourceRoot}/${entryFile}`).toBe(serviceFiles(name).main);
    }
  });
});
