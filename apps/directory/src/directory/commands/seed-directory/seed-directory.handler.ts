import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Transaction, UnitOfWork } from '@styrkedjan/messaging';
import { sameArea, type Area } from '../../domain/area';
import { sameOrganisation, type Organisation } from '../../domain/organisation';
import { AreasRepository } from '../../persistence/areas.repository';
import { OrganisationsRepository } from '../../persistence/organisations.repository';
import { serialiseSeeds } from '../../persistence/seed-lock';
import { SeedDirectoryCommand, SeedDirectorySummary } from './seed-directory.command';
import { countsOf, planSeed } from './seed-plan';

/**
 * Loads the reference data in one transaction with its events: every new entry is announced as
 * registered/defined (version 1), every changed one as updated (next version), an unchanged one not at all.
 */
@CommandHandler(SeedDirectoryCommand)
export class SeedDirectoryHandler implements ICommandHandler<SeedDirectoryCommand, SeedDirectorySummary> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly organisations: OrganisationsRepository,
    private readonly areas: AreasRepository,
  ) {}

  execute(command: SeedDirectoryCommand): Promise<SeedDirectorySummary> {
    return this.unitOfWork.run(command.context, 'seed-directory', async (tx) => {
      await serialiseSeeds(tx.manager);
      const now = new Date();

      const organisationPlan = planSeed(
        command.reference.organisations,
        await this.organisations.findAllStored(tx.manager),
        (organisation) => organisation.id,
        sameOrganisation,
      );
      await this.organisations.insertNew(tx.manager, organisationPlan.added, now);
      organisationPlan.added.forEach((organisation) =>
        recordOrganisation(tx, 'organisation.registered', organisation, 1),
      );
      for (const { value, previousVersion } of organisationPlan.updated) {
        await this.organisations.updateFrom(tx.manager, value, previousVersion, now);
        recordOrganisation(tx, 'organisation.updated', value, previousVersion + 1);
      }

      const areaPlan = planSeed(
        command.reference.areas,
        await this.areas.findAllStored(tx.manager),
        (area) => area.code,
        sameArea,
      );
      await this.areas.insertNew(tx.manager, areaPlan.added);
      areaPlan.added.forEach((area) => recordArea(tx, 'area.defined', area, 1));
      for (const { value, previousVersion } of areaPlan.updated) {
        await this.areas.updateFrom(tx.manager, value, previousVersion);
        recordArea(tx, 'area.updated', value, previousVersion + 1);
      }

      return { organisations: countsOf(organisationPlan), areas: countsOf(areaPlan) };
    });
  }
}

function recordOrganisation(
  tx: Transaction,
  type: 'organisation.registered' | 'organisation.updated',
  organisation: Organisation,
  version: number,
): void {
  tx.record(
    type,
    { type: 'organisation', id: organisation.id, version },
    {
      organisationId: organisation.id,
      code: organisation.code,
      name: organisation.name,
      nameEn: organisation.nameEn,
      kind: organisation.kind,
      regionId: organisation.regionId,
      sectors: organisation.sectors,
    },
  );
}

function recordArea(tx: Transaction, type: 'area.defined' | 'area.updated', area: Area, version: number): void {
  tx.record(
    type,
    { type: 'area', id: area.code, version },
    {
      code: area.code,
      sector: area.sector,
      name: area.name,
      nameEn: area.nameEn,
    },
  );
}
