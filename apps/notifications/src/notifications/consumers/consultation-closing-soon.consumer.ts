import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { consultationClosingSoonText, consulteeNotices } from '../domain/lifecycle-notices';
import { NotificationsRepository } from '../persistence/notifications.repository';
import { roundOrigin } from './origins';

/** Reminds the consultees that have not submitted; the consultations service emits it once per round. */
@Injectable()
@EventConsumer('consultation.closing-soon')
export class ConsultationClosingSoonConsumer implements ConsumesEvent<'consultation.closing-soon'> {
  constructor(private readonly notifications: NotificationsRepository) {}

  async handle(event: EventOf<'consultation.closing-soon'>, tx: Transaction): Promise<void> {
    const { consultationId, pendingConsulteeIds, supportTitle, closesAt } = event.payload;
    await this.notifications.deliver(
      tx.manager,
      roundOrigin(event),
      consulteeNotices(consultationId, pendingConsulteeIds, consultationClosingSoonText({ supportTitle, closesAt })),
    );
  }
}
