import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '@styrkedjan/messaging';
import { References } from '@styrkedjan/reference-data';
import { Need } from '../../domain/need';
import { NeedsRepository } from '../../persistence/needs.repository';
import { NeedView, toNeedView } from '../../views/need.view';
import { needIdentifiedPayload } from '../need-events';
import { IdentifyNeedCommand } from './identify-need.command';

/** Registers a knowledge need on behalf of the acting organisation and announces it. */
@CommandHandler(IdentifyNeedCommand)
export class IdentifyNeedHandler implements ICommandHandler<IdentifyNeedCommand, NeedView> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly references: References,
    private readonly needs: NeedsRepository,
  ) {}

  async execute(command: IdentifyNeedCommand): Promise<NeedView> {
    const area = await this.references.requireArea(command.areaCode, 'areaCode');
    const need = Need.identify({
      id: randomUUID(),
      organisationId: command.context.principal.organisationId,
      title: command.title,
      description: command.description,
      area,
      targetGroup: command.targetGroup,
      identifiedAt: new Date(),
    });
    return this.unitOfWork.run(command.context, 'identify-need', async (tx) => {
      const state = need.state;
      await this.needs.insert(tx.manager, state);
      tx.record(
        'need.identified',
        { type: 'need', id: state.id, version: state.version },
        needIdentifiedPayload(state),
      );
      return toNeedView(state, []);
    });
  }
}
