import { All, Controller, HttpStatus, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ProblemException } from '@styrkedjan/platform';
import { ProxyService } from './proxy.service';
import { matchedRouteOf } from './matched-route';

/**
 * Everything the gateway does not serve itself. A controller rather than a middleware, so the global
 * principal guard has run before anything is forwarded. Its module is imported last, which registers
 * this catch-all after the gateway's own routes. Its paths are documented by the services' documents.
 */
@ApiExcludeController()
@Controller()
export class ProxyController {
  constructor(private readonly proxy: ProxyService) {}

  @All('{*path}')
  forward(@Req() request: Request, @Res() response: Response): Promise<void> {
    // The guard matched the route against the declarations before this runs; nothing unmatched gets here.
    const matched = matchedRouteOf(request);
    if (!matched) {
      const path = request.originalUrl.split('?', 1)[0];
      throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found', `No route for ${request.method} ${path}.`);
    }
    return this.proxy.forward(request, response, matched.route);
  }
}
