import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@styrkedjan/messaging';
import { StaleVersion } from '@styrkedjan/platform';
import { Clock } from '../../../config/clock';
import { checkResponseContent } from '../../domain/consultation';
import { ResponsesRepository } from '../../persistence/responses.repository';
import { RoundsRepository } from '../../persistence/rounds.repository';
import { ResponseView, toResponseView } from '../../views/response.view';
import { responseToChange } from '../respond';
import { SaveResponseCommand } from './save-response.command';

/** Saves the draft response of the caller's organisation; several of its people edit it in turn (If-Match). */
@CommandHandler(SaveResponseCommand)
export class SaveResponseHandler implements ICommandHandler<SaveResponseCommand, ResponseView> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly rounds: RoundsRepository,
    private readonly responses: ResponsesRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: SaveResponseCommand): Promise<ResponseView> {
    const organisationId = command.context.principal.organisationId.toLowerCase();
    try {
      return await this.save(command, organisationId);
    } catch (error) {
      // Two people of one organisation saving its first draft at once: the unique key lets one in.
      if ((error as { code?: string }).code === '23505')
        throw new StaleVersion(
          'Someone of your organisation saved its response at the same moment: read it, then save.',
        );
      throw error;
    }
  }

  private save(command: SaveResponseCommand, organisationId: string): Promise<ResponseView> {
    return this.unitOfWork.run(command.context, 'save-response', async (tx) => {
      const now = this.clock.now();
      const { round, response } = await responseToChange(
        { rounds: this.rounds, responses: this.responses },
        { consultationId: command.consultationId, organisationId, expectedVersion: command.expectedVersion, now },
        tx.manager,
      );
      checkResponseContent(round, command.content);
      return toResponseView(
        await this.responses.saveDraft(tx.manager, response, {
          consultationId: round.id,
          organisationId,
          content: command.content,
          savedAt: now,
        }),
      );
    });
  }
}
