import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '@styrkedjan/messaging';
import { References } from '@styrkedjan/reference-data';
import { Support } from '../../domain/support';
import { NO_AUDIENCE } from '@styrkedjan/contracts';
import { HistoryRepository } from '../../persistence/history.repository';
import { KnownNeedsRepository } from '../../persistence/known-needs.repository';
import { SupportsRepository } from '../../persistence/supports.repository';
import { SupportView, toSupportView } from '../../views/support.view';
import { recordStep } from '../record-step';
import { supportDraftedPayload } from '../support-events';
import { DraftSupportCommand } from './draft-support.command';

/** Drafts a knowledge support led by the acting agency and announces it with the needs it answers. */
@CommandHandler(DraftSupportCommand)
export class DraftSupportHandler implements ICommandHandler<DraftSupportCommand, SupportView> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly references: References,
    private readonly knownNeeds: KnownNeedsRepository,
    private readonly supports: SupportsRepository,
    private readonly history: HistoryRepository,
  ) {}

  async execute(command: DraftSupportCommand): Promise<SupportView> {
    const { principal } = command.context;
    const area = await this.references.requireArea(command.areaCode, 'areaCode');
    await this.references.requireOrganisations([...command.coProducerIds], 'coProducerIds');
    const answersNeeds = await this.knownNeeds.requireAll(command.needIds, 'needIds');
    const { productType, targetGroups, audience } = command.classification;
    if (productType !== null) await this.references.requireProductType(productType, 'productType');
    await this.references.requireTargetGroups(targetGroups, 'targetGroups');
    const support = Support.draft({
      id: randomUUID(),
      author: principal,
      title: command.title,
      summary: command.summary,
      area,
      productType,
      targetGroups,
      audience: audience ?? NO_AUDIENCE,
      coProducerIds: command.coProducerIds,
      needIds: command.needIds,
      plannedReleaseDate: command.plannedReleaseDate,
      draftedAt: new Date(),
    });
    return this.unitOfWork.run(command.context, 'draft-support', async (tx) => {
      const state = support.state;
      await this.supports.insert(tx.manager, state);
      await recordStep(
        tx,
        this.history,
        'support.drafted',
        { type: 'support', id: state.id, version: state.version },
        supportDraftedPayload(state, answersNeeds),
      );
      return toSupportView(state);
    });
  }
}
