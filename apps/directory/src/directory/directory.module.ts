import { Module } from '@nestjs/common';
import { AreasController } from './api/areas.controller';
import { OrganisationsController } from './api/organisations.controller';
import { VocabulariesController } from './api/vocabularies.controller';
import { SeedDirectoryHandler } from './commands/seed-directory/seed-directory.handler';
import { AreasRepository } from './persistence/areas.repository';
import { OrganisationsRepository } from './persistence/organisations.repository';
import { ProductTypesRepository } from './persistence/product-types.repository';
import { TargetGroupsRepository } from './persistence/target-groups.repository';
import { GetAreaHandler } from './queries/get-area/get-area.handler';
import { GetOrganisationHandler } from './queries/get-organisation/get-organisation.handler';
import { GetProductTypeHandler } from './queries/get-product-type/get-product-type.handler';
import { GetTargetGroupHandler } from './queries/get-target-group/get-target-group.handler';
import { ListAreasHandler } from './queries/list-areas/list-areas.handler';
import { ListOrganisationsHandler } from './queries/list-organisations/list-organisations.handler';
import { ListProductTypesHandler } from './queries/list-product-types/list-product-types.handler';
import { ListTargetGroupsHandler } from './queries/list-target-groups/list-target-groups.handler';

@Module({
  controllers: [OrganisationsController, AreasController, VocabulariesController],
  providers: [
    OrganisationsRepository,
    AreasRepository,
    TargetGroupsRepository,
    ProductTypesRepository,
    SeedDirectoryHandler,
    ListOrganisationsHandler,
    GetOrganisationHandler,
    ListAreasHandler,
    GetAreaHandler,
    ListTargetGroupsHandler,
    GetTargetGroupHandler,
    ListProductTypesHandler,
    GetProductTypeHandler,
  ],
})
export class DirectoryModule {}
