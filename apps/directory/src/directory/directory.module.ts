import { Module } from '@nestjs/common';
import { AreasController } from './api/areas.controller';
import { OrganisationsController } from './api/organisations.controller';
import { SeedDirectoryHandler } from './commands/seed-directory/seed-directory.handler';
import { AreasRepository } from './persistence/areas.repository';
import { OrganisationsRepository } from './persistence/organisations.repository';
import { GetAreaHandler } from './queries/get-area/get-area.handler';
import { GetOrganisationHandler } from './queries/get-organisation/get-organisation.handler';
import { ListAreasHandler } from './queries/list-areas/list-areas.handler';
import { ListOrganisationsHandler } from './queries/list-organisations/list-organisations.handler';

@Module({
  controllers: [OrganisationsController, AreasController],
  providers: [
    OrganisationsRepository,
    AreasRepository,
    SeedDirectoryHandler,
    ListOrganisationsHandler,
    GetOrganisationHandler,
    ListAreasHandler,
    GetAreaHandler,
  ],
})
export class DirectoryModule {}
