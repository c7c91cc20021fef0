import type { OpenAPIObject } from '@nestjs/swagger';
import { mergeOpenApi } from './merge-openapi';

const ok = (schema?: string) => ({
  responses: {
    200: {
      description: '',
      ...(schema ? { content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } } : {}),
    },
  },
});

const doc = (paths: OpenAPIObject['paths'], schemas: Record<string, unknown> = {}): OpenAPIObject =>
  ({ openapi: '3.0.0', info: { title: 'x', version: '1' }, paths, components: { schemas } }) as OpenAPIObject;

const gateway = doc(
  { '/admin/dead-letters': { get: ok('DeadLetterListResponse') } },
  { DeadLetterListResponse: { type: 'object' } },
);

describe('mergeOpenApi', () => {
  it('keeps the gateway routes and adds every service route the gateway sends to that service', () => {
    const merged = mergeOpenApi(gateway, [
      {
        service: 'directory',
        document: doc({
          '/organisations': { get: ok() },
          '/organisations/{id}': { get: ok() },
          '/areas': { get: ok() },
        }),
      },
      { service: 'needs', document: doc({ '/needs': { get: ok(), post: ok() }, '/needs/{id}': { get: ok() } }) },
      { service: 'feedback', document: doc({ '/supports/{supportId}/feedback': { get: ok(), post: ok() } }) },
      {
        service: 'notifications',
        document: doc({ '/organisations/{id}/notifications/{notificationId}/read': { post: ok() } }),
      },
    ]);
    expect(Object.keys(merged.paths).sort()).toEqual([
      '/admin/dead-letters',
      '/areas',
      '/needs',
      '/needs/{id}',
      '/organisations',
      '/organisations/{id}',
      '/organisations/{id}/notifications/{notificationId}/read',
      '/supports/{supportId}/feedback',
    ]);
    expect(Object.keys(merged.paths['/needs'])).toEqual(['get', 'post']);
  });

  it("leaves out a service's health paths and any path the gateway would send elsewhere", () => {
    const merged = mergeOpenApi(gateway, [
      {
        service: 'needs',
        document: doc({
          '/needs': { get: ok() },
          '/health/ready': { get: ok() },
          '/health/live': { get: ok() },
          '/supports': { get: ok() },
        }),
      },
    ]);
    expect(Object.keys(merged.paths).sort()).toEqual(['/admin/dead-letters', '/needs']);
  });

  it('shares a schema that services define alike, and keeps apart one they define differently', () => {
    const page = { type: 'object', properties: { nextCursor: { type: 'string', nullable: true } } };
    const merged = mergeOpenApi(gateway, [
      {
        service: 'needs',
        document: doc(
          { '/needs': { get: ok('Item') } },
          { PageQuery: page, Item: { type: 'object', properties: { title: { type: 'string' } } } },
        ),
      },
      {
        service: 'supports',
        document: doc(
          { '/supports': { get: ok('Item') }, '/supports/{id}': { get: ok('Wrapper') } },
          {
            PageQuery: page,
            Item: { type: 'object', properties: { summary: { type: 'string' } } },
            Wrapper: { $ref: '#/components/schemas/Item' },
          },
        ),
      },
    ]);
    const schemas = merged.components!.schemas as Record<string, unknown>;
    expect(schemas.PageQuery).toEqual(page);
    expect(schemas.Item).toEqual({ type: 'object', properties: { title: { type: 'string' } } });
    expect(schemas['supports.Item']).toEqual({ type: 'object', properties: { summary: { type: 'string' } } });
    expect(schemas.Wrapper).toEqual({ $ref: '#/components/schemas/supports.Item' });
    expect(JSON.stringify(merged.paths['/supports'])).toContain('#/components/schemas/supports.Item');
    expect(JSON.stringify(merged.paths['/needs'])).toContain('"#/components/schemas/Item"');
  });

  it('renames a same-looking schema whose reference points at a schema that was renamed', () => {
    const list = { type: 'array', items: { $ref: '#/components/schemas/Item' } };
    const merged = mergeOpenApi(gateway, [
      { service: 'needs', document: doc({ '/needs': { get: ok('List') } }, { List: list, Item: { type: 'string' } }) },
      {
        service: 'supports',
        document: doc({ '/supports': { get: ok('List') } }, { List: list, Item: { type: 'integer' } }),
      },
    ]);
    const schemas = merged.components!.schemas as Record<string, unknown>;
    expect(schemas['supports.List']).toEqual({ type: 'array', items: { $ref: '#/components/schemas/supports.Item' } });
    expect(JSON.stringify(merged.paths['/supports'])).toContain('#/components/schemas/supports.List');
  });

  it("documents a bearer token or an API key as required, and problem+json as every operation's default answer", () => {
    const merged = mergeOpenApi(gateway, [{ service: 'needs', document: doc({ '/needs': { post: ok() } }) }]);
    expect(merged.components!.securitySchemes).toEqual({
      bearer: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      apiKey: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }),
    });
    expect(merged.security).toEqual([{ bearer: [] }, { apiKey: [] }]);
    expect(merged.components!.schemas!.ProblemDetails).toMatchObject({ required: ['type', 'title', 'status'] });
    for (const operation of [merged.paths['/needs'].post, merged.paths['/admin/dead-letters'].get]) {
      expect(operation!.responses.default).toEqual({
        description: 'Problem',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
      });
    }
  });

  it('leaves the documents it was given as they were', () => {
    const needs = doc({ '/needs': { get: ok() } });
    const before = JSON.stringify([gateway, needs]);
    mergeOpenApi(gateway, [{ service: 'needs', document: needs }]);
    expect(JSON.stringify([gateway, needs])).toBe(before);
  });
});

describe('the limits the gateway enforces, in the merged document', () => {
  const merged = mergeOpenApi(gateway, [{ service: 'needs', document: doc({ '/needs': { post: ok() } }) }]);
  const post = merged.paths['/needs'].post!;

  it('declares its refusals as problem+json on every operation, with Retry-After on a 429', () => {
    for (const status of ['400', '401', '403', '429', '500', '503']) {
      const { $ref } = post.responses[status] as { $ref: string };
      const response = merged.components!.responses![$ref.split('/').pop()!] as {
        content: Record<string, unknown>;
        headers: Record<string, unknown>;
      };
      expect(Object.keys(response.content)).toEqual(['application/problem+json']);
      if (status === '429') expect(Object.keys(response.headers)).toContain('Retry-After');
    }
  });

  it('names the rate-limit counters on the answers of a service', () => {
    expect(Object.keys((post.responses['200'] as { headers: object }).headers)).toEqual([
      'RateLimit-Limit',
      'RateLimit-Remaining',
      'RateLimit-Reset',
    ]);
  });

  it('describes the bearer JWT as RFC 8725 asks, and the server as the gateway itself', () => {
    expect((merged.components!.securitySchemes!.bearer as { description: string }).description).toContain('RFC8725');
    expect(merged.servers).toEqual([expect.objectContaining({ url: '/', 'x-internal': false })]);
  });
});
