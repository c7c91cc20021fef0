import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { consultationExtendedText, consulteeNotices } from '../domain/lifecycle-notices';
import { NotificationsRepository } from '../persistence/notifications.repository';
import { roundOrigin } from './origins';

/** Tells every consultee of the round its new deadline and why it moved, submitted or not: all may read the round. */
@Injectable()
@EventConsumer('consultation.extended')
export class ConsultationExtendedConsumer implements ConsumesEvent<'consultation.extended'> {
  constructor(private readonly notifications: NotificationsRepository) {}

  async handle(event: EventOf<'consultation.extended'>, tx: Transaction): Promise<void> {
    const { consultationId, consulteeIds, supportTitle, closesAt, reason } = event.payload;
    await this.notifications.deliver(
      tx.manager,
      roundOrigin(event),
      consulteeNotices(consultationId, consulteeIds, consultationExtendedText({ supportTitle, closesAt, reason })),
    );
  }
}
