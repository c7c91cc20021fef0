import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '@styrkedjan/messaging';
import { References } from '@styrkedjan/reference-data';
import { Need } from '../../domain/need';
import { NeedsRepository } from '../../persistence/needs.repository';
import { ProjectionsRepository } from '../../persistence/projections.repository';
import { SimilarNeedsFinder } from '../../queries/get-similar-needs/similar-needs.finder';
import { IdentifiedNeedView, toNeedView } from '../../views/need.view';
import { needIdentifiedPayload, recordNeedEvent } from '../need-events';
import { IdentifyNeedCommand } from './identify-need.command';

/**
 * Registers a knowledge need on behalf of the acting organisation and announces it; the answer lists the
 * similar open needs, so that the form can offer to endorse one of them instead.
 */
@CommandHandler(IdentifyNeedCommand)
export class IdentifyNeedHandler implements ICommandHandler<IdentifyNeedCommand, IdentifiedNeedView> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly references: References,
    private readonly projections: ProjectionsRepository,
    private readonly needs: NeedsRepository,
    private readonly similar: SimilarNeedsFinder,
  ) {}

  async execute(command: IdentifyNeedCommand): Promise<IdentifiedNeedView> {
    const area = await this.references.requireArea(command.areaCode, 'areaCode');
    await this.projections.requireTargetGroups(command.targetGroups, 'targetGroups');
    const need = Need.identify({
      id: randomUUID(),
      organisationId: command.context.principal.organisationId,
      title: command.title,
      description: command.description,
      area,
      targetGroups: command.targetGroups,
      note: command.note,
      identifiedAt: new Date(),
    });
    const registered = await this.unitOfWork.run(command.context, 'identify-need', async (tx) => {
      const state = need.state;
      await this.needs.insert(tx.manager, need);
      await recordNeedEvent(tx, need, 'need.identified', needIdentifiedPayload(state), state.identifiedAt);
      const submitter = need.supportersNow.map((s) => ({ ...s, kind: null, countyId: null, countyName: null }));
      return toNeedView(state, submitter, []);
    });
    // After the commit, on a connection of its own: the registration's transaction (and its connection) is not
    // held while the lookup reads, and a retried request's first answer is given with what is similar now.
    return { ...registered, similar: await this.similar.find(registered) };
  }
}
