import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { EventType, PayloadOf } from '@styrkedjan/contracts';
import { Transaction, UnitOfWork } from '@styrkedjan/messaging';
import { sameArea, type Area } from '../../domain/area';
import { sameOrganisation, type Organisation } from '../../domain/organisation';
import { sameProductType, type ProductType } from '../../domain/product-type';
import { sameTargetGroup, type TargetGroup } from '../../domain/target-group';
import { AreasRepository } from '../../persistence/areas.repository';
import { OrganisationsRepository } from '../../persistence/organisations.repository';
import { ProductTypesRepository } from '../../persistence/product-types.repository';
import { serialiseSeeds } from '../../persistence/seed-lock';
import { TargetGroupsRepository } from '../../persistence/target-groups.repository';
import { VocabularyRepository } from '../../persistence/vocabulary.repository';
import { SeedDirectoryCommand, SeedDirectorySummary } from './seed-directory.command';
import { countsOf, planSeed, SeedCounts } from './seed-plan';

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
    private readonly targetGroups: TargetGroupsRepository,
    private readonly productTypes: ProductTypesRepository,
  ) {}

  execute(command: SeedDirectoryCommand): Promise<SeedDirectorySummary> {
    return this.unitOfWork.run(command.context, 'seed-directory', async (tx) => {
      await serialiseSeeds(tx.manager);
      const now = new Date();
      const { reference } = command;

      const organisationPlan = planSeed(
        reference.organisations,
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

      return {
        organisations: countsOf(organisationPlan),
        areas: await seedVocabulary(tx, reference.areas, this.areas, sameArea, AREA_EVENTS, areaPayload),
        targetGroups: await seedVocabulary(
          tx,
          reference.targetGroups,
          this.targetGroups,
          sameTargetGroup,
          TARGET_GROUP_EVENTS,
          targetGroupPayload,
        ),
        productTypes: await seedVocabulary(
          tx,
          reference.productTypes,
          this.productTypes,
          sameProductType,
          PRODUCT_TYPE_EVENTS,
          productTypePayload,
        ),
      };
    });
  }
}

/** The event pair a vocabulary announces its entries with, and the aggregate type they are recorded under. */
interface VocabularyEvents<Defined extends EventType, Updated extends EventType> {
  aggregate: string;
  defined: Defined;
  updated: Updated;
}

const AREA_EVENTS = { aggregate: 'area', defined: 'area.defined', updated: 'area.updated' } as const;
const TARGET_GROUP_EVENTS = {
  aggregate: 'target-group',
  defined: 'target-group.defined',
  updated: 'target-group.updated',
} as const;
const PRODUCT_TYPE_EVENTS = {
  aggregate: 'product-type',
  defined: 'product-type.defined',
  updated: 'product-type.updated',
} as const;

/** One vocabulary brought up to the reference data: its new codes defined at version 1, changed ones updated. */
async function seedVocabulary<T extends { code: string }, Defined extends EventType, Updated extends EventType>(
  tx: Transaction,
  desired: readonly T[],
  repository: VocabularyRepository<T>,
  same: (a: T, b: T) => boolean,
  events: VocabularyEvents<Defined, Updated>,
  payloadOf: (entry: T) => PayloadOf<Defined> & PayloadOf<Updated>,
): Promise<SeedCounts> {
  const plan = planSeed(desired, await repository.findAllStored(tx.manager), (entry) => entry.code, same);
  await repository.insertNew(tx.manager, plan.added);
  for (const entry of plan.added) {
    tx.record(events.defined, { type: events.aggregate, id: entry.code, version: 1 }, payloadOf(entry));
  }
  for (const { value, previousVersion } of plan.updated) {
    await repository.updateFrom(tx.manager, value, previousVersion);
    tx.record(
      events.updated,
      { type: events.aggregate, id: value.code, version: previousVersion + 1 },
      payloadOf(value),
    );
  }
  return countsOf(plan);
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

const areaPayload = ({ code, sector, name, nameEn }: Area) => ({ code, sector, name, nameEn });
const targetGroupPayload = ({ code, name, nameEn, sectors }: TargetGroup) => ({ code, name, nameEn, sectors });
const productTypePayload = ({ code, name, nameEn, descriptionEn }: ProductType) => ({
  code,
  name,
  nameEn,
  descriptionEn,
});
