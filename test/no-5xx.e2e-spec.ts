import fc from 'fast-check';
import type { Role } from '@styrkedjan/access';
import { TestSystem } from '@styrkedjan/testing';

/**
 * No input makes a 5xx: every operation of the gateway's OpenAPI document (`/docs-json`) driven with generated and
 * mutated inputs — path parameters, query strings, bodies and headers; wrong types, huge strings, control
 * characters, unicode, missing and extra fields — under tokens of several roles. Every answer must be below 500,
 * every error problem+json, no authenticated request may be refused by a service as not passed on by the gateway,
 * and the system must still be ready afterwards.
 *
 * Reproducible: the seed is fixed (FC_SEED overrides it) and fast-check prints it with the counterexample.
 */
const SEED = Number(process.env.FC_SEED ?? 20261201);
const NUM_RUNS = Number(process.env.FC_RUNS ?? 600);
/** Bounded for CI: whatever fast-check has not run by then is left for the next seed. */
const TIME_LIMIT_MS = 75_000;

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: Schema;
}
interface Sent {
  method: string;
  url: string;
  role: Role | 'none';
  headers: Record<string, string>;
  body?: string;
}

const ROLES: { role: Role; home: [string, string] }[] = [
  { role: 'municipality', home: ['municipality', '0180'] },
  { role: 'agency_editor', home: ['agency', 'SOS'] },
  { role: 'steering_group', home: ['association', 'SKR'] },
  { role: 'organisation_admin', home: ['municipality', '0180'] },
  { role: 'platform_operator', home: ['agency', 'EHM'] },
];

/** Text that has broken services before, or could: PostgreSQL's NUL, control characters, odd unicode, URL tricks. */
const NASTY = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u001f\u007f',
  '\t\r\n',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u200b\ufeff',
  '𝒳𝒴𝒵🙂👩‍👩‍👧',
  'Åre Älvdalen Öckerö',
  "'; DROP TABLE needs; --",
  '%',
  '%00',
  '%zz',
  '..',
  '../..',
  '%2e%2e',
  '{}',
  '[]',
  'null',
  'NaN',
  '-1',
  '0',
  '1e309',
  '99999999999999999999999',
  '2026-02-30',
  '2026-13-01T25:61:00Z',
  'x'.repeat(300),
  'y'.repeat(5000),
];

describe('no input makes a 5xx', () => {
  let system: TestSystem;
  let operations: Operation[];
  let schemas: Record<string, Schema>;
  const tokens = new Map<Role | 'none', Record<string, string>>();
  /** Ids that exist, so that generated requests reach past the lookups too. */
  let known: string[];

  beforeAll(async () => {
    system = await TestSystem.start();
    const document = (await (await fetch(`${system.url}/docs-json`)).json()) as {
      paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: unknown }>>;
      components?: { schemas?: Record<string, Schema> };
    };
    schemas = document.components?.schemas ?? {};
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, operation]) => ({
          method: method.toUpperCase(),
          path,
          parameters: operation.parameters ?? [],
          body: (operation.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content?.[
            'application/json'
          ]?.schema,
        })),
    );
    expect(operations.length).toBeGreaterThan(20);
    tokens.set('none', {});
    for (const { role, home } of ROLES) {
      const organisation = await system.organisationId(...home);
      tokens.set(role, system.as(organisation, role));
    }
    const stockholm = await system.organisationId('municipality', '0180');
    const agency = await system.organisationId('agency', 'SOS');
    const need = await post('/needs', tokens.get('municipality')!, {
      title: 'Behov',
      description: '',
      areaCode: 'health.primary-care',
      targetGroups: ['older-people'],
    });
    const support = await post('/supports', tokens.get('agency_editor')!, {
      title: 'Stöd',
      summary: '',
      areaCode: 'health.primary-care',
      needIds: [],
      coProducerIds: [],
      plannedReleaseDate: null,
    });
    known = [stockholm, agency, need, support, 'health.primary-care'];
    await system.drained();
  }, 300_000);

  afterAll(async () => {
    await system?.stop();
  });

  async function post(path: string, headers: Record<string, string>, body: unknown): Promise<string> {
    const response = await fetch(`${system.url}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  }

  function resolve(schema: Schema | undefined): Schema {
    let current = schema ?? {};
    for (let depth = 0; current.$ref && depth < 10; depth++) current = schemas[current.$ref.split('/').pop()!] ?? {};
    const combined = current.allOf?.[0] ?? current.oneOf?.[0] ?? current.anyOf?.[0];
    return combined ? { ...resolve(combined), nullable: current.nullable } : current;
  }

  /** A value the schema allows, as far as a schema says (formats and ranges), often one that exists. */
  function valid(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
    const s = resolve(schema);
    let value: fc.Arbitrary<unknown>;
    if (s.enum?.length) value = fc.constantFrom(...s.enum);
    else if (s.type === 'integer') value = fc.integer({ min: s.minimum ?? -1_000_000, max: s.maximum ?? 1_000_000 });
    else if (s.type === 'number') value = fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
    else if (s.type === 'boolean') value = fc.boolean();
    else if (s.type === 'array')
      value =
        depth > 3 ? fc.constant([]) : fc.array(valid(s.items, depth + 1), { maxLength: Math.min(s.maxItems ?? 4, 4) });
    else if (s.type === 'object' || s.properties) {
      const properties = Object.fromEntries(
        Object.entries(s.properties ?? {}).map(([name, property]) => [
          name,
          depth > 3 ? fc.constant(null) : valid(property, depth + 1),
        ]),
      );
      value = fc.record(properties, { requiredKeys: (s.required ?? []).filter((name) => name in properties) });
    } else if (s.format === 'uuid') value = fc.oneof(fc.constantFrom(...known), fc.uuid());
    else if (s.format === 'date-time') value = fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
    else if (s.format === 'date')
      value = fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
    else
      value = fc.oneof(
        fc.constantFrom(...known),
        fc.string({ minLength: s.minLength ?? 0, maxLength: s.maxLength ?? 40 }),
      );
    return s.nullable ? fc.option(value, { nil: null }) : value;
  }

  /** Anything at all, of the wrong type or size more often than not. */
  const hostile: fc.Arbitrary<unknown> = fc.oneof(
    fc.constantFrom(...NASTY),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.constant(null),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant('z'.repeat(70_000)),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
    fc.constant(Array.from({ length: 64 }).reduce<unknown>((inner) => ({ a: [inner] }), 1)),
  );

  /** A valid body with one thing wrong: a field dropped, mistyped, or added; or the whole body something else. */
  function body(schema: Schema | undefined): fc.Arbitrary<unknown> {
    const s = resolve(schema);
    const good = valid(s);
    const names = Object.keys(s.properties ?? {});
    if (!names.length) return fc.oneof(good, hostile);
    return fc.oneof(
      good,
      fc.tuple(good, fc.constantFrom(...names), hostile).map(([value, name, wrong]) => ({
        ...(value as object),
        [name]: wrong,
      })),
      fc.tuple(good, fc.constantFrom(...names)).map(([value, name]) => {
        const copy = { ...(value as Record<string, unknown>) };
        delete copy[name];
        return copy;
      }),
      fc.tuple(good, fc.string({ maxLength: 20 }), hostile).map(([value, name, extra]) => ({
        ...(value as object),
        [name]: extra,
      })),
      hostile,
    );
  }

  /** A query value as text: one the schema allows, or a hostile one. */
  const text = (schema: Schema | undefined) =>
    fc.oneof(
      valid(schema).map((value) => (typeof value === 'string' ? value : JSON.stringify(value))),
      hostile.map((value) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))),
    );

  /** A path segment: an id that exists, a new one, or anything, encoded or not. */
  const segment = fc.oneof(
    fc.constantFrom(...['known']).chain(() => fc.constantFrom(...known)),
    fc.uuid(),
    // Lone surrogates cannot be percent-encoded at all; a client sends U+FFFD in their place.
    hostile.map((value) =>
      encodeURIComponent(
        (typeof value === 'string' ? value : (JSON.stringify(value) ?? '')).replace(/[\ud800-\udfff]/gu, '\ufffd'),
      ),
    ),
    fc.constantFrom('%', '%00', '%zz', '..', '%2e%2e', '%2F', 'a%20b', ';', '*'),
  );

  /** A header value a client can send (visible ASCII and Latin-1), now and then far too big. */
  const headerValue = fc.oneof(
    fc.string({ maxLength: 40 }).map((value) => value.replace(/[^\x20-\x7e]/g, '')),
    fc.constantFrom('', ' ', 'x'.repeat(300), 'h'.repeat(20_000), '\u00e5\u00e4\u00f6'),
  );

  function request(operation: Operation): fc.Arbitrary<Sent> {
    const pathParams = operation.parameters.filter((p) => p.in === 'path');
    const queryParams = operation.parameters.filter((p) => p.in === 'query');
    return fc
      .record({
        role: fc.constantFrom<Role | 'none'>('none', ...ROLES.map((entry) => entry.role)),
        path: fc
          .tuple(...pathParams.map(() => segment))
          .map((values) =>
            pathParams.reduce((path, param, i) => path.replace(`{${param.name}}`, values[i]), operation.path),
          ),
        query: fc.array(
          fc.oneof(
            fc
              .constantFrom(...(queryParams.length ? queryParams : [{ name: 'limit' } as Parameter]))
              .chain((param) => fc.tuple(fc.constant(param.name), text(param.schema))),
            fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 })),
          ),
          { maxLength: 4 },
        ),
        rawQuery: fc.oneof(
          { weight: 5, arbitrary: fc.constant('') },
          fc.constantFrom('&%zz=1', '&a=%', '&&&', '&q=%00'),
        ),
        longUrl: fc.oneof({ weight: 20, arbitrary: fc.constant(0) }, fc.constantFrom(9_000, 40_000)),
        body: operation.body || operation.method !== 'GET' ? body(operation.body) : fc.constant(undefined),
        encoding: fc.oneof(
          { weight: 8, arbitrary: fc.constant('json' as const) },
          fc.constantFrom('malformed' as const, 'text' as const, 'none' as const),
        ),
        header: fc.option(
          fc.tuple(
            fc.constantFrom('idempotency-key', 'x-correlation-id', 'accept', 'x-service-assertion'),
            headerValue,
          ),
          { freq: 3 },
        ),
      })
      .map(({ role, path, query, rawQuery, longUrl, body: value, encoding, header }) => {
        const search =
          new URLSearchParams(query).toString() + rawQuery + (longUrl ? `&pad=${'p'.repeat(longUrl)}` : '');
        const headers: Record<string, string> = { ...tokens.get(role) };
        if (header) headers[header[0]] = header[1];
        let sent: string | undefined;
        if (operation.method !== 'GET' && operation.method !== 'DELETE' && encoding !== 'none') {
          const json = JSON.stringify(value) ?? 'null';
          sent = encoding === 'malformed' ? json.slice(0, Math.max(1, json.length - 1)) : json;
          headers['content-type'] = encoding === 'text' ? 'text/plain' : 'application/json';
        }
        return { method: operation.method, url: `${path}${search ? `?${search}` : ''}`, role, headers, body: sent };
      });
  }

  it('answers every operation of the API document below 500, errors as problem+json, and stays ready', async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...operations).chain((operation) => request(operation)),
        async (sent) => {
          const response = await fetch(`${system.url}${sent.url}`, {
            method: sent.method,
            headers: sent.headers,
            body: sent.body,
            signal: AbortSignal.timeout(20_000),
          });
          const answer = await response.text();
          seen.set(response.status, (seen.get(response.status) ?? 0) + 1);
          const type = response.headers.get('content-type') ?? '';
          const what = `${response.status} ${type} ${answer.slice(0, 300)}\n  for ${summary(sent)}`;
          if (response.status >= 500) throw new Error(`a server error: ${what}`);
          if (response.status >= 400 && !/^application\/problem\+json/.test(type))
            throw new Error(`an error that is not problem+json: ${what}`);
          // A caller the gateway authenticated is never turned away by a service as not passed on by the gateway.
          if (sent.role !== 'none' && response.status === 401 && !('x-service-assertion' in sent.headers))
            throw new Error(`a valid token refused: ${what}`);
        },
      ),
      { seed: SEED, numRuns: NUM_RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false },
    );
    // Something of each kind of answer, so a run that only ever met the rate limit or a 404 is not a pass.
    const statuses = [...seen.keys()];
    expect(statuses.some((status) => status < 300)).toBe(true);
    expect(statuses.some((status) => status === 400)).toBe(true);
    expect(statuses.some((status) => status === 401 || status === 403)).toBe(true);

    const ready = await fetch(`${system.url}/health/ready`);
    expect({ status: ready.status, body: await ready.json() }).toMatchObject({ status: 200, body: { status: 'ok' } });
    await system.drained(60_000);
  }, 240_000);
});

function summary(sent: Sent): string {
  const headers = Object.entries(sent.headers)
    .filter(([name]) => name !== 'Authorization')
    .map(([name, value]) => `${name}: ${value.slice(0, 60)}`);
  return `${sent.role} ${sent.method} ${sent.url.slice(0, 300)} ${headers.join('; ')} ${sent.body?.slice(0, 300) ?? ''}`;
}
