import { applyDecorators, RequestMapping, RequestMethod, SetMetadata } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A route as its one declaration states it (libs/access/src/endpoints.ts): method, whole path, and a summary. */
export interface RouteDeclaration {
  method: HttpMethod;
  /** The whole path in the router's own syntax: `:name` is one segment. */
  path: string;
  summary: string;
}

export const ENDPOINT_METADATA = 'styrkedjan:endpoint';

/**
 * Serves a declared endpoint: the route Nest maps, the operation in the API document and the metadata a
 * test reads to hold every controller to the declarations are all taken from the one declaration.
 */
export function Endpoint(endpoint: RouteDeclaration): MethodDecorator {
  return applyDecorators(
    RequestMapping({ path: endpoint.path, method: RequestMethod[endpoint.method] }),
    ApiOperation({ summary: endpoint.summary }),
    SetMetadata(ENDPOINT_METADATA, endpoint),
  );
}
