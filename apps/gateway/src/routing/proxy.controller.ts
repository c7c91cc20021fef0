import { All, Controller, HttpStatus, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException } from '@styrkedjan/platform';
import { ProxyService } from './proxy.service';
import { matchedRouteOf } from './matched-route';

/**
 * Everything the gateway does not serve itself. A controller rather than a hook, so the global
 * principal guard has run before anything is forwarded. Its module is imported last, which registers
 * this catch-all after the gateway's own routes. Its paths are documented by the services' documents.
 */
@ApiExcludeController()
@Controller()
export class ProxyController {
  constructor(private readonly proxy: ProxyService) {}

  // Fastify's own wildcard: the gateway matches the path itself, against the declarations.
  @All('*')
  forward(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    // The guard matched the route against the declarations before this runs; nothing unmatched gets here.
    const matched = matchedRouteOf(request);
    if (!matched) {
      const path = request.url.split('?', 1)[0];
      throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found', `No route for ${request.method} ${path}.`);
    }
    return this.proxy.forward(request, reply, matched.route);
  }
}
