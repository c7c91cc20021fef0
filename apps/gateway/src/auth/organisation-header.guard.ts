import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { invalidField, unauthorized } from '@styrkedjan/platform';
import { setPrincipal } from './principal';
import { PrincipalResolver } from './principal-resolver';

export const ORGANISATION_HEADER = 'x-organisation-id';
const uuid = z.uuid();

/**
 * Who is calling, until real authentication replaces this: the organisation a request names in
 * X-Organisation-Id, if the directory knows it. No header means anonymous; the services decide what an
 * anonymous caller may do. This is the one piece that authentication swaps out.
 */
@Injectable()
export class OrganisationHeaderGuard implements CanActivate {
  constructor(private readonly principals: PrincipalResolver) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const organisationId = request.headers[ORGANISATION_HEADER];
    if (organisationId === undefined) {
      setPrincipal(request, null);
      return true;
    }
    // Node joins a repeated header with ", ", so two ids fail here too.
    if (typeof organisationId !== 'string' || !uuid.safeParse(organisationId).success) {
      throw invalidField('X-Organisation-Id', 'must be the UUID of an organisation');
    }
    const principal = await this.principals.resolve(organisationId);
    if (!principal) throw unauthorized(`X-Organisation-Id names no known organisation (${organisationId}).`);
    setPrincipal(request, principal);
    return true;
  }
}
