import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '@styrkedjan/messaging';
import { Conflict, InvalidInput, NotFound } from '@styrkedjan/platform';
import { References } from '@styrkedjan/reference-data';
import { Clock } from '../../../config/clock';
import { CONSULTATIONS_CONFIG, ConsultationsConfig } from '../../../config/consultations.config';
import {
  checkOutline,
  checkSelectors,
  Consultee,
  draftEditionOf,
  fixConsultees,
  openingDeadline,
  reminderOf,
  requireLead,
  Round,
} from '../../domain/consultation';
import { KnownSupportsRepository } from '../../persistence/known-supports.repository';
import { RoundsRepository } from '../../persistence/rounds.repository';
import { RoundScheduler } from '../../scheduling/round-scheduler';
import { ConsultationView, toConsultationView } from '../../views/consultation.view';
import { aggregateOf, roundRef } from '../round-events';
import { OpenConsultationCommand } from './open-consultation.command';

/** Opens a round on the draft edition the caller leads, its consultees resolved to a fixed list now. */
@CommandHandler(OpenConsultationCommand)
export class OpenConsultationHandler implements ICommandHandler<OpenConsultationCommand, ConsultationView> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly supports: KnownSupportsRepository,
    private readonly rounds: RoundsRepository,
    private readonly references: References,
    private readonly scheduler: RoundScheduler,
    private readonly clock: Clock,
    @Inject(CONSULTATIONS_CONFIG) private readonly config: ConsultationsConfig,
  ) {}

  async execute(command: OpenConsultationCommand): Promise<ConsultationView> {
    const { principal } = command.context;
    const request = command.round;
    let opened: ConsultationView;
    try {
      opened = await this.unitOfWork.run(command.context, 'open-consultation', async (tx) => {
        const support = await this.supports.find(command.supportId, tx.manager);
        if (!support) throw new NotFound('Support', command.supportId);
        requireLead(support.leadAgencyId, principal.organisationId, 'open a consultation on it');
        const edition = draftEditionOf(support);
        checkOutline(request.questions, request.sections);
        checkSelectors(request.consultees.selectors);
        const now = this.clock.now();
        const deadline = openingDeadline(request.closesAt, request.snapToFixedDate, {
          now,
          minWeeks: this.config.minWeeks,
          reminderDays: this.config.reminderDays,
        });
        const named = await this.references.requireOrganisations(
          request.consultees.organisationIds,
          'consultees.organisationIds',
          tx.manager,
        );
        const resolved: Consultee[] = named.map((organisation) => ({
          organisationId: organisation.id,
          kind: organisation.kind,
          regionId: organisation.regionId,
        }));
        for (const [index, selector] of request.consultees.selectors.entries()) {
          if (selector.kind === 'municipalities-of-county') {
            const [region] = await this.references.requireOrganisations(
              [selector.regionId!],
              `consultees.selectors[${index}].regionId`,
              tx.manager,
            );
            if (region.kind !== 'region')
              throw InvalidInput.field(`consultees.selectors[${index}].regionId`, `${region.id} is no region`);
          }
          resolved.push(...(await this.rounds.select(selector, support.areaCode, tx.manager)));
        }
        const consultees = fixConsultees(resolved, support.leadAgencyId);
        const round: Round = {
          id: randomUUID(),
          supportId: support.supportId,
          edition,
          leadAgencyId: support.leadAgencyId,
          supportTitle: support.title,
          areaCode: support.areaCode,
          questions: request.questions,
          sections: request.sections,
          documentUrl: request.documentUrl,
          closesOn: deadline.closesOn,
          closesAt: deadline.closesAt,
          remindAt: reminderOf(deadline.closesAt, this.config.reminderDays),
          status: 'open',
          openedAt: now,
          closedAt: null,
          early: false,
          version: 1,
        };
        await this.rounds.insert(tx.manager, round, consultees);
        tx.record('consultation.opened', aggregateOf(round), {
          ...roundRef(round),
          areaCode: round.areaCode,
          consulteeIds: consultees.map((consultee) => consultee.organisationId),
          questions: round.questions,
          sections: round.sections,
          documentUrl: round.documentUrl,
          closesAt: round.closesAt.toISOString(),
          openedAt: round.openedAt.toISOString(),
        });
        return toConsultationView(round, consultees);
      });
    } catch (error) {
      // The partial unique index decides between two requests opening a round on one edition at once.
      if ((error as { code?: string }).code === '23505')
        throw new Conflict('consultation_open', `A round is already open on this edition of ${command.supportId}.`);
      throw error;
    }
    await this.scheduler.schedule({
      id: opened.id,
      remindAt: new Date(opened.remindAt),
      closesAt: new Date(opened.closesAt),
    });
    return opened;
  }
}
