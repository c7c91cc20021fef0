import { isDeepStrictEqual } from 'node:util';
import type { OpenAPIObject } from '@nestjs/swagger';
import { BackendService, serviceOfDocumentedPath } from '../routing/route-table';

export interface ServiceDocument {
  service: BackendService;
  document: OpenAPIObject;
}

type Components = Record<string, Record<string, unknown>>;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const PROBLEM_REF = '#/components/schemas/ProblemDetails';

export const PROBLEM_DETAILS_SCHEMA = {
  type: 'object',
  description:
    'An RFC 9457 problem document (application/problem+json): the shape of every error, from the gateway or a service.',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', example: 'about:blank' },
    title: { type: 'string', example: 'Bad request' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string', example: 'title: must be shorter than or equal to 200 characters' },
    instance: { type: 'string', example: '/needs' },
    code: { type: 'string', example: 'validation_failed' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string', example: 'title' }, message: { type: 'string' } },
      },
    },
  },
};

/**
 * One document for the one public address: the gateway's own routes plus each service's. A service
 * contributes only the paths it declares in libs/access/src/endpoints.ts (so never its /health), since nothing else of it
 * is reachable through the gateway. A component name two services use for different things is kept apart
 * as `<service>.<Name>`, with that service's references rewritten to match.
 */
export function mergeOpenApi(own: OpenAPIObject, services: readonly ServiceDocument[]): OpenAPIObject {
  const merged = structuredClone(own);
  merged.paths ??= {};
  const components = (merged.components ??= {}) as Components;
  (components.schemas ??= {}).ProblemDetails = PROBLEM_DETAILS_SCHEMA;
  (components.securitySchemes ??= {}).bearer = {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: "A token from the organisation's identity provider (or, in development, from `npm run token`).",
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

  for (const item of Object.values(merged.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = (item as Record<string, { responses?: Record<string, unknown> }>)[method];
      if (!operation) continue;
      operation.responses ??= {};
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
