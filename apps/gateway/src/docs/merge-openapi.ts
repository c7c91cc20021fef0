import { isDeepStrictEqual } from 'node:util';
import type { OpenAPIObject } from '@nestjs/swagger';
import { BackendService, serviceOfDocumentedPath } from '../routing/route-table';

export interface ServiceDocument {
  service: BackendService;
  document: OpenAPIObject;
}

type Components = Record<string, Record<string, unknown>>;
type DocumentedResponse = { $ref?: string; headers?: Record<string, unknown>; [field: string]: unknown };
type DocumentedOperation = { responses?: Record<string, DocumentedResponse> };

const EDGE_RESPONSE_NAMES: Record<string, string> = {
  '400': 'BadRequest',
  '401': 'Unauthenticated',
  '403': 'NotPermitted',
  '429': 'TooManyRequests',
  '500': 'InternalError',
  '503': 'Unavailable',
};

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const PROBLEM_REF = '#/components/schemas/ProblemDetails';

export const PROBLEM_DETAILS_SCHEMA = {
  type: 'object',
  description:
    'An RFC 9457 problem document (application/problem+json): the shape of every error, from the gateway or a service.',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', maxLength: 200, example: 'about:blank' },
    title: { type: 'string', maxLength: 200, example: 'Bad request' },
    status: { type: 'integer', format: 'int32', minimum: 400, maximum: 599, example: 400 },
    detail: { type: 'string', maxLength: 2000, example: 'title: must be shorter than or equal to 200 characters' },
    instance: { type: 'string', maxLength: 2000, example: '/needs' },
    code: { type: 'string', maxLength: 100, pattern: '^[a-z0-9_]+$', example: 'validation_failed' },
    errors: {
      type: 'array',
      maxItems: 1000,
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: {
          field: { type: 'string', maxLength: 300, example: 'title' },
          message: { type: 'string', maxLength: 2000, example: 'must be shorter than or equal to 200 characters' },
        },
      },
    },
  },
};

const header = (description: string, schema: Record<string, unknown>) => ({ description, schema });

/** The counters of rate-limits.ts, on every answer to an authenticated caller (its organisation's, or its key's when lower). */
export const RATE_LIMIT_HEADERS = {
  'RateLimit-Limit': header('Requests the caller may make in the current window (RATE_LIMIT_WINDOW_S).', {
    type: 'integer',
    format: 'int32',
    minimum: 0,
    maximum: 10_000_000,
  }),
  'RateLimit-Remaining': header('Requests left in the current window.', {
    type: 'integer',
    format: 'int32',
    minimum: 0,
    maximum: 10_000_000,
  }),
  'RateLimit-Reset': header('Seconds until the current window ends.', {
    type: 'integer',
    format: 'int32',
    minimum: 0,
    maximum: 86_400,
  }),
};

const problemResponse = (description: string, headers: Record<string, unknown> = RATE_LIMIT_HEADERS) => ({
  description,
  headers,
  content: { 'application/problem+json': { schema: { $ref: PROBLEM_REF } } },
});

/** What any operation may answer besides its own results: the gateway's and the platform's refusals. */
export const EDGE_RESPONSES: Record<string, ReturnType<typeof problemResponse>> = {
  '400': problemResponse('A parameter, header or body field breaks its rule; `errors` names each field.'),
  '401': problemResponse(
    'No credential, or one that is not valid (expired, wrong audience or issuer, revoked key).',
    {},
  ),
  '403': problemResponse("The caller's role may not do this, or not for this organisation."),
  '429': problemResponse(
    'Over the rate limit of the organisation, of the key, or of failed sign-ins from the address.',
    {
      ...RATE_LIMIT_HEADERS,
      'Retry-After': header('Seconds to wait before trying again.', {
        type: 'integer',
        format: 'int32',
        minimum: 1,
        maximum: 86_400,
      }),
    },
  ),
  '500': problemResponse('An unexpected failure; nothing was changed. The correlation id is in the logs.', {}),
  '503': problemResponse('A service or its database is unavailable for the moment; nothing was changed.', {}),
};

const BEARER_DESCRIPTION = [
  "A JSON Web Token (RFC 7519) from the organisation's identity provider (in development, from `npm run token`).",
  'Verified as RFC8725 (JSON Web Token Best Current Practices) asks: only the asymmetric algorithms configured',
  "(AUTH_ALGORITHMS; never `none`, never HMAC with a public key), keys from the issuer's JWKS by `kid`, and the",
  'issuer, audience (AUTH_AUDIENCE), expiry and not-before claims always checked.',
].join(' ');

/**
 * One document for the one public address: the gateway's own routes plus each service's. A service
 * contributes only the paths it declares in libs/access/src/endpoints.ts (so never its /health), since nothing else of it
 * is reachable through the gateway. A component name two services use for different things is kept apart
 * as `<service>.<Name>`, with that service's references rewritten to match.
 */
export function mergeOpenApi(own: OpenAPIObject, services: readonly ServiceDocument[]): OpenAPIObject {
  const merged = structuredClone(own);
  merged.paths ??= {};
  // Relative: the document is served by the gateway whose address it describes, whatever that address is.
  merged.servers = [
    Object.assign(
      { url: '/', description: 'The gateway that served this document, wherever it runs (local, staging, production)' },
      { 'x-internal': false },
    ),
  ];
  merged.info.license = { name: 'UNLICENSED: not licensed for use outside Styrkedjan' };
  const components = (merged.components ??= {}) as Components;
  (components.schemas ??= {}).ProblemDetails = PROBLEM_DETAILS_SCHEMA;
  (components.securitySchemes ??= {}).bearer = {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: BEARER_DESCRIPTION,
  };
  components.securitySchemes.apiKey = {
    type: 'apiKey',
    in: 'header',
    name: 'X-Api-Key',
    description: 'An API key an administrator issued to the organisation (POST /api-keys).',
  };
  // Either one: every route but health and docs needs a caller.
  merged.security = [{ bearer: [] }, { apiKey: [] }];
  const tags = new Map((merged.tags ?? []).map((tag) => [tag.name, tag]));

  for (const { service, document } of services) {
    const renames = conflictingComponents(components, (document.components ?? {}) as Components, service);
    const rewritten = rewriteRefs(document, renames) as OpenAPIObject;
    for (const [kind, entries] of Object.entries((rewritten.components ?? {}) as Components)) {
      const target = (components[kind] ??= {});
      for (const [name, value] of Object.entries(entries ?? {})) {
        const finalName = renames.get(refOf(kind, name))?.slice(`#/components/${kind}/`.length) ?? name;
        target[finalName] ??= value; // an existing one is the same, or it would have been renamed
      }
    }
    for (const [path, item] of Object.entries(rewritten.paths ?? {})) {
      if (serviceOfDocumentedPath(path) !== service) continue;
      merged.paths[path] = { ...merged.paths[path], ...item };
    }
    for (const tag of rewritten.tags ?? []) if (!tags.has(tag.name)) tags.set(tag.name, tag);
  }

  const responses = (components.responses ??= {});
  for (const [status, response] of Object.entries(EDGE_RESPONSES)) responses[EDGE_RESPONSE_NAMES[status]] = response;
  for (const item of Object.values(merged.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = (item as Record<string, DocumentedOperation>)[method];
      if (!operation) continue;
      operation.responses ??= {};
      for (const [status, answer] of Object.entries(operation.responses)) {
        // A service's own answers (200, 404, 409, ...) pass the gateway's rate-limit counters on as well.
        if (/^[24]\d\d$/.test(status) && !('$ref' in answer))
          answer.headers = { ...RATE_LIMIT_HEADERS, ...answer.headers };
      }
      for (const status of Object.keys(EDGE_RESPONSES)) {
        operation.responses[status] ??= { $ref: `#/components/responses/${EDGE_RESPONSE_NAMES[status]}` };
      }
      operation.responses.default ??= {
        description: 'Problem',
        content: { 'application/problem+json': { schema: { $ref: PROBLEM_REF } } },
      };
    }
  }
  if (tags.size) merged.tags = [...tags.values()];
  return merged;
}

/**
 * The components of `incoming` that must be renamed: those whose name is taken by something different,
 * and then, until nothing changes, those that refer to a renamed one (same text, different meaning).
 */
function conflictingComponents(
  existing: Components,
  incoming: Components,
  service: BackendService,
): Map<string, string> {
  const renames = new Map<string, string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const [kind, entries] of Object.entries(incoming)) {
      for (const [name, value] of Object.entries(entries ?? {})) {
        const ref = refOf(kind, name);
        if (renames.has(ref) || !(name in (existing[kind] ?? {}))) continue;
        if (!isDeepStrictEqual(existing[kind][name], value) || refsIn(value).some((inner) => renames.has(inner))) {
          renames.set(ref, refOf(kind, `${service}.${name}`));
          changed = true;
        }
      }
    }
  }
  return renames;
}

function refOf(kind: string, name: string): string {
  return `#/components/${kind}/${name}`;
}

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string' ? [inner] : refsIn(inner),
  );
}

function rewriteRefs(value: unknown, renames: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((inner) => rewriteRefs(inner, renames));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === '$ref' && typeof inner === 'string' ? (renames.get(inner) ?? inner) : rewriteRefs(inner, renames),
    ]),
  );
}
