import { Controller, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ENDPOINTS } from '@styrkedjan/access';
import { Endpoint, InvalidInput } from '@styrkedjan/platform';
import { GetOrganisationQuery } from '../queries/get-organisation/get-organisation.query';
import { ListOrganisationsQuery } from '../queries/list-organisations/list-organisations.query';
import { ListOrganisationsQueryParams } from './list-organisations.query.dto';
import { OrganisationPageResponse, OrganisationResponse } from './organisation.response.dto';

@ApiTags('organisations')
@Controller()
export class OrganisationsController {
  constructor(private readonly queries: QueryBus) {}

  @Endpoint(ENDPOINTS.directory.listOrganisations)
  @ApiOkResponse({ type: OrganisationPageResponse })
  list(@Query() query: ListOrganisationsQueryParams) {
    return this.queries.execute(
      new ListOrganisationsQuery({
        kind: query.kind,
        regionId: query.regionId,
        sector: query.sector,
        q: query.q,
        limit: query.limit,
        cursor: query.cursor,
      }),
    );
  }

  @Endpoint(ENDPOINTS.directory.getOrganisation)
  @ApiOkResponse({ type: OrganisationResponse })
  @ApiNotFoundResponse({ description: 'No organisation has this id' })
  // Named like every other field error, so a client handles a bad id the same way as a bad query field.
  get(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => InvalidInput.field('id', 'must be a UUID') })) id: string,
  ) {
    return this.queries.execute(new GetOrganisationQuery(id));
  }
}
