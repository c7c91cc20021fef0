import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { forbidden } from '@styrkedjan/platform';
import { UnitOfWork } from '@styrkedjan/messaging';
import { References } from '@styrkedjan/reference-data';
import { mayIdentifyNeed, NEED_OWNER_KINDS } from '../../domain/need';
import { NeedEntity } from '../../persistence/need.entity';
import { NeedsRepository } from '../../persistence/needs.repository';
import { NeedView, toNeedView } from '../../persistence/need.view';
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
    const { principal } = command.context;
    if (!mayIdentifyNeed(principal.organisationKind)) {
      throw forbidden(`Only ${NEED_OWNER_KINDS.join(', ')} organisations register needs.`);
    }
    const area = await this.references.requireArea(command.areaCode, 'areaCode');
    return this.unitOfWork.run(command.context, 'identify-need', async (tx) => {
      const need = Object.assign(new NeedEntity(), {
        id: randomUUID(),
        organisationId: principal.organisationId,
        title: command.title,
        description: command.description,
        areaCode: area.code,
        sector: area.sector,
        targetGroup: command.targetGroup,
        stage: 'identified' as const,
        identifiedAt: new Date(),
      });
      await this.needs.insert(tx.manager, need);
      tx.record(
        'need.identified',
        { type: 'need', id: need.id, version: 1 },
        {
          needId: need.id,
          organisationId: need.organisationId,
          title: need.title,
          description: need.description,
          areaCode: need.areaCode,
          sector: need.sector,
          targetGroup: need.targetGroup,
          identifiedAt: need.identifiedAt.toISOString(),
        },
      );
      return toNeedView(need, []);
    });
  }
}
