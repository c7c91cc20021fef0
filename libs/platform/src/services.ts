/**
 * The one list of Styrkedjan's services. Everything that names them derives from it: the <SERVICE>_URL
 * variables, `npm start` and `npm run dev`, the one-process mode, `npm run migrate`, the container entry
 * point and its checker, the test harness and each service's schema. A new service is one entry here and an
 * app under apps/<name> laid out as `serviceFiles` says.
 */
export const SERVICES = {
  gateway: { port: 3000, schema: 'access' },
  directory: { port: 3001, schema: 'directory' },
  needs: { port: 3002, schema: 'needs' },
  supports: { port: 3003, schema: 'supports' },
  feedback: { port: 3004, schema: 'feedback' },
  notifications: { port: 3005, schema: 'notifications' },
  pipeline: { port: 3006, schema: 'pipeline' },
  consultations: { port: 3007, schema: 'consultations' },
  coordination: { port: 3008, schema: 'coordination' },
} as const satisfies Record<string, ServiceEntry>;

export interface ServiceEntry {
  /** The port it listens on unless its <SERVICE>_URL or PORT says otherwise. */
  readonly port: number;
  /** Its own PostgreSQL schema: no other service reads or writes it. */
  readonly schema: string;
}

export type ServiceName = keyof typeof SERVICES;
export const SERVICE_NAMES = Object.keys(SERVICES) as ServiceName[];
export const SERVICE_PORTS = Object.fromEntries(SERVICE_NAMES.map((name) => [name, SERVICES[name].port])) as {
  readonly [name in ServiceName]: (typeof SERVICES)[name]['port'];
};

export function isServiceName(name: unknown): name is ServiceName {
  return typeof name === 'string' && Object.hasOwn(SERVICES, name);
}

/**
 * Where the launchers find a service's code: every app has the same layout. Paths are from the repository
 * root for the sources and from dist/ once built, without an extension.
 */
export function serviceFiles(name: ServiceName) {
  const src = `apps/${name}/src`;
  return {
    /** Runs the service as its own process (`node dist/<main>.js`). */
    main: `${src}/main`,
    /** Exports `AppModule`, for the one-process mode. */
    appModule: `${src}/app.module`,
    /** Exports `<name>ServiceOptions` when the service's HTTP edge differs (the gateway's); optional. */
    serviceOptions: `${src}/service-options`,
    /** Exports `<schema>Database`: the schema's entities and migrations, for `npm run migrate`. */
    database: `${src}/database/${SERVICES[name].schema}.database`,
  };
}
