import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@styrkedjan/messaging';
import { NotFound } from '@styrkedjan/platform';
import { keptSupport, resolveOverlap } from '../../domain/overlap';
import { OverlapsRepository } from '../../persistence/overlaps.repository';
import { OverlapView, toOverlapView } from '../../views/overlap.view';
import { overlapAggregate, overlapRef } from '../overlap-events';
import { ResolveOverlapCommand } from './resolve-overlap.command';

/**
 * Resolves an overlap and tells the supports service what follows (coordination.overlap-resolved): a co-producer
 * to add, or a support to withdraw in favour of the other. The gateway lets agency editors and steering groups
 * through; roles do not travel further, so here an agency that is not party to the overlap is refused, and an
 * organisation of any other kind can only have come as a steering group.
 */
@CommandHandler(ResolveOverlapCommand)
export class ResolveOverlapHandler implements ICommandHandler<ResolveOverlapCommand, OverlapView> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly overlaps: OverlapsRepository,
  ) {}

  async execute(command: ResolveOverlapCommand): Promise<OverlapView> {
    const { principal } = command.context;
    return this.unitOfWork.run(command.context, 'resolve-overlap', async (tx) => {
      const overlap = await this.overlaps.find(command.overlapId, tx.manager, true);
      if (!overlap) throw new NotFound('Overlap', command.overlapId);
      const resolved = resolveOverlap(
        overlap,
        { organisationId: principal.organisationId, steeringGroup: principal.organisationKind !== 'agency' },
        {
          resolution: command.resolution,
          rationale: command.rationale,
          withdrawSupportId: command.withdrawSupportId,
          at: new Date(),
        },
      );
      await this.overlaps.save(tx.manager, resolved);
      tx.record('coordination.overlap-resolved', overlapAggregate(resolved), {
        ...overlapRef(resolved),
        resolution: command.resolution,
        rationale: resolved.rationale ?? '',
        resolvedByOrganisationId: principal.organisationId.toLowerCase(),
        coProducer: resolved.coProducer,
        withdrawSupportId: resolved.withdrawSupportId,
        keepSupportId: keptSupport(resolved),
        resolvedAt: (resolved.resolvedAt ?? new Date()).toISOString(),
      });
      return toOverlapView(resolved);
    });
  }
}
