import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import { UnitOfWork } from '@styrkedjan/messaging';
import { StaleVersion } from '@styrkedjan/platform';
import type { TriageInput, TriageReferences } from '../../domain/need';
import { NeedsRepository } from '../../persistence/needs.repository';
import { ProjectionsRepository } from '../../persistence/projections.repository';
import { NeedView } from '../../views/need.view';
import { loadNeed, viewAfter } from '../load-need';
import { recordNeedEvent } from '../need-events';
import { TriageNeedCommand } from './triage-need.command';

/**
 * A steering group's decision on a need, made against the version it read: a decision made on a need that
 * changed meanwhile (another decision, an endorsement) is refused with 412 and the current state, never
 * applied over it.
 */
@CommandHandler(TriageNeedCommand)
export class TriageNeedHandler implements ICommandHandler<TriageNeedCommand, NeedView> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly needs: NeedsRepository,
    private readonly projections: ProjectionsRepository,
  ) {}

  execute(command: TriageNeedCommand): Promise<NeedView> {
    return this.unitOfWork.run(command.context, 'triage-need', async (tx) => {
      const need = await loadNeed(this.needs, tx.manager, command.needId);
      if (need.state.version !== command.expectedVersion) {
        throw new StaleVersion(
          `The need is at version ${need.state.version}, not ${command.expectedVersion}: read it again and decide on what it is now.`,
          await this.needs.findView(need.state.id, tx.manager),
        );
      }
      const { input } = command;
      const at = new Date();
      need.triage(input, await this.referencesOf(input, tx.manager), at);
      await this.needs.save(tx.manager, need);
      const { state, stakeholders } = need;
      const rationale = input.rationale.trim();
      if (input.decision === 'more-information-needed') {
        await recordNeedEvent(
          tx,
          need,
          'need.clarification-requested',
          {
            needId: state.id,
            question: state.openQuestion!,
            rationale,
            stage: state.stage,
            stakeholders,
            requestedAt: at.toISOString(),
          },
          at,
          { decision: input.decision, rationale, details: { question: state.openQuestion } },
        );
      } else {
        const decided = {
          leadAgencyId: state.leadAgencyId,
          declineReason: state.declineReason,
          existingSupportId: state.existingSupportId,
          duplicateOfNeedId: state.duplicateOfNeedId,
          reviewOn: state.reviewOn,
        };
        await recordNeedEvent(
          tx,
          need,
          'need.triaged',
          {
            needId: state.id,
            decision: input.decision,
            rationale,
            ...decided,
            stage: state.stage,
            stakeholders,
            triagedAt: at.toISOString(),
          },
          at,
          { decision: input.decision, rationale, details: decided },
        );
      }
      return viewAfter(this.needs, tx.manager, need);
    });
  }

  /** What the decision names, as this service knows it: the rule then says what is missing or wrong. */
  private async referencesOf(input: TriageInput, manager: EntityManager): Promise<TriageReferences> {
    return {
      leadAgency: input.leadAgencyId ? await this.projections.organisation(input.leadAgencyId, manager) : undefined,
      existingSupport: input.existingSupportId
        ? await this.projections.support(input.existingSupportId, manager)
        : undefined,
      duplicateOf: input.duplicateOfNeedId ? await this.needs.findStage(input.duplicateOfNeedId, manager) : undefined,
    };
  }
}
