import { INestApplication, ParseUUIDPipe } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type { ServiceName } from '../config';
import { ENDPOINT_METADATA, RouteDeclaration } from './endpoint.decorator';
import { IDEMPOTENCY_HEADER } from './request-context';

type SchemaLimits = Record<string, unknown>;
type DtoClass = abstract new (...args: never[]) => object;

// Where @ApiProperty keeps a property's options (API_MODEL_PROPERTIES, which @nestjs/swagger does not export).
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

/** What a class-validator constraint enforces, said in OpenAPI's words; undefined when the document cannot say it. */
function limitsOf(rule: ValidationMetadata): SchemaLimits | undefined {
  const [first, second] = (rule.constraints ?? []) as unknown[];
  switch (rule.name) {
    case 'maxLength':
      return { maxLength: first };
    case 'minLength':
      return { minLength: first };
    case 'isLength':
      return { minLength: first, ...(second !== undefined ? { maxLength: second } : {}) };
    case 'arrayMaxSize':
      return { maxItems: first };
    case 'arrayMinSize':
      return { minItems: first };
    case 'arrayUnique':
      return { uniqueItems: true };
    case 'max':
      return { maximum: first };
    case 'min':
      return { minimum: first };
    case 'isUuid':
      // The canonical text of a UUID is 36 characters; the format says which.
      return { format: 'uuid', maxLength: 36 };
    case 'matches':
      return first instanceof RegExp ? { pattern: first.source } : undefined;
    case 'isIn':
      return Array.isArray(first) ? { enum: first } : undefined;
    default:
      return undefined;
  }
}

/** For `each: true` rules (and array limits), which part of an array property a limit belongs to. */
const ARRAY_RULES = new Set(['arrayMaxSize', 'arrayMinSize', 'arrayUnique']);

const documented = new WeakSet<DtoClass>();

/**
 * Copies what the validation decorators enforce (`@MaxLength`, `@ArrayMaxSize`, `@IsUUID`, `@Matches`, ...)
 * into the API document's metadata of the same DTO properties, so the document states the limits the API
 * enforces without every DTO saying each twice. What a DTO's `@ApiProperty` says itself wins. Only
 * documented properties are touched; each call takes the DTO classes loaded since the last.
 */
export function documentValidationLimits(): void {
  const storage = getMetadataStorage() as unknown as { validationMetadatas?: Map<DtoClass, ValidationMetadata[]> };
  if (!(storage.validationMetadatas instanceof Map)) {
    throw new Error('class-validator keeps its metadata differently than expected: the API document needs updating');
  }
  for (const [target, rules] of storage.validationMetadatas) {
    if (documented.has(target)) continue;
    documented.add(target);
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const rule of rules) byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
    const prototype = target.prototype as object;
    for (const [property, propertyRules] of byProperty) {
      const options = Reflect.getOwnMetadata(API_MODEL_PROPERTIES, prototype, property) as
        Record<string, unknown> | undefined;
      if (!options) continue;
      const derived: SchemaLimits = {};
      const items: SchemaLimits = {};
      for (const rule of propertyRules) {
        const limits = limitsOf(rule);
        if (!limits) continue;
        if (rule.each && !ARRAY_RULES.has(rule.name ?? '')) Object.assign(items, limits);
        else Object.assign(derived, limits);
      }
      const isArray = options.isArray === true || Array.isArray(options.type) || options.type === 'array';
      const updated: Record<string, unknown> = { ...derived, ...options };
      // Only arrays of strings carry per-item limits here (`@IsUUID('all', { each: true })` and the like).
      const ofStrings = options.type === String || (Array.isArray(options.type) && options.type[0] === String);
      if (isArray && ofStrings && Object.keys(items).length) {
        updated.items = { type: 'string', ...items, ...(options.items as object) };
      }
      Reflect.defineMetadata(API_MODEL_PROPERTIES, updated, prototype, property);
    }
  }
}

/** The OpenAPI document of one service as it serves it at /docs-json, built from its controllers and DTOs. */
export function serviceApiDocument(app: INestApplication, name: ServiceName): OpenAPIObject {
  return documentApplication(app, new DocumentBuilder().setTitle(`Styrkedjan ${name}`).setVersion('1').build());
}

/** An application's API document with what its edge enforces stated: DTO limits, id parameters, headers. */
export function documentApplication(app: INestApplication, config: Omit<OpenAPIObject, 'paths'>): OpenAPIObject {
  documentValidationLimits();
  const document = SwaggerModule.createDocument(app, config);
  documentPathParameters(app, document);
  documentIdempotencyKey(document);
  return document;
}

type Parameter = { name: string; in: string; schema?: Record<string, unknown> };
type Operations = Record<string, { parameters?: Parameter[] }>;

/**
 * Path parameters: a UUID where the route parses it with ParseUUIDPipe, and otherwise at most 100 characters,
 * Fastify's `maxParamLength` (a longer one matches no route: 404).
 */
function documentPathParameters(app: INestApplication, document: OpenAPIObject): void {
  const uuids = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (typeof metatype !== 'function') continue;
      const prototype = metatype.prototype as Record<string, unknown>;
      for (const key of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[key];
        if (typeof handler !== 'function') continue;
        const endpoint = Reflect.getMetadata(ENDPOINT_METADATA, handler) as RouteDeclaration | undefined;
        if (!endpoint) continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, metatype, key) ?? {}) as Record<
          string,
          { data?: unknown; pipes?: unknown[] }
        >;
        for (const [slot, arg] of Object.entries(args)) {
          if (Number(slot.split(':')[0]) !== Number(RouteParamtypes.PARAM) || typeof arg.data !== 'string') continue;
          if (arg.pipes?.some((pipe) => pipe instanceof ParseUUIDPipe || pipe === ParseUUIDPipe)) {
            uuids.add(`${endpoint.method.toLowerCase()} ${documentedPath(endpoint.path)} ${arg.data}`);
          }
        }
      }
    }
  }
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Operations)) {
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in !== 'path') continue;
        parameter.schema = uuids.has(`${method} ${path} ${parameter.name}`)
          ? { type: 'string', format: 'uuid', maxLength: 36, ...parameter.schema }
          : { type: 'string', maxLength: 100, ...parameter.schema };
      }
    }
  }
}

function documentedPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** The Idempotency-Key header as request-context.ts reads it. */
function documentIdempotencyKey(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item as Operations)) {
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in !== 'header' || parameter.name.toLowerCase() !== IDEMPOTENCY_HEADER) continue;
        parameter.schema = { ...parameter.schema, ...IDEMPOTENCY_KEY_SCHEMA };
      }
    }
  }
}

export const IDEMPOTENCY_KEY_SCHEMA = {
  type: 'string',
  minLength: 1,
  maxLength: 200,
  pattern: '^[\\x21-\\x7e]{1,200}$',
  description:
    'Any 1 to 200 visible ASCII characters; a retry with the same key and request is answered as the first was',
};
