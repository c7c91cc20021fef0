import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { consultationOpenedText, consulteeNotices } from '../domain/lifecycle-notices';
import { NotificationsRepository } from '../persistence/notifications.repository';
import { organisationName } from './directory-names';
import { roundOrigin } from './origins';

/** Invites every consultee of a round: the support, its edition, the deadline and where to respond. */
@Injectable()
@EventConsumer('consultation.opened')
export class ConsultationOpenedConsumer implements ConsumesEvent<'consultation.opened'> {
  constructor(private readonly notifications: NotificationsRepository) {}

  async handle(event: EventOf<'consultation.opened'>, tx: Transaction): Promise<void> {
    const { consultationId, consulteeIds, supportTitle, edition, closesAt, leadAgencyId } = event.payload;
    const text = consultationOpenedText({
      leadAgencyName: await organisationName(tx, leadAgencyId),
      supportTitle,
      edition,
      closesAt,
    });
    await this.notifications.deliver(
      tx.manager,
      roundOrigin(event),
      consulteeNotices(consultationId, consulteeIds, text),
    );
  }
}
