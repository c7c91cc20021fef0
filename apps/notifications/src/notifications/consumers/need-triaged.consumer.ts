import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { NEED_REASONS, needTriagedText, noticesTo } from '../domain/need-notices';
import type { NotificationSubject } from '../domain/notification';
import { NotificationsRepository } from '../persistence/notifications.repository';
import { organisationName } from './directory-names';
import { needOrigin } from './origins';

/**
 * Tells the need's submitter and endorsers the steering group's decision and why. It points where the
 * decision leads: the existing support that meets the need, or the need it duplicates.
 */
@Injectable()
@EventConsumer('need.triaged')
export class NeedTriagedConsumer implements ConsumesEvent<'need.triaged'> {
  constructor(private readonly notifications: NotificationsRepository) {}

  async handle(event: EventOf<'need.triaged'>, tx: Transaction): Promise<void> {
    const { needId, decision, rationale, declineReason, reviewOn, leadAgencyId, stakeholders } = event.payload;
    if (decision === 'more-information-needed') return; // the question reaches the submitter as clarification-requested
    const input = {
      decision,
      rationale,
      declineReason,
      reviewOn,
      leadAgencyName: await organisationName(tx, leadAgencyId),
    };
    const subject: NotificationSubject = event.payload.existingSupportId
      ? { type: 'support', id: event.payload.existingSupportId }
      : { type: 'need', id: event.payload.duplicateOfNeedId ?? needId };
    await this.notifications.deliver(
      tx.manager,
      needOrigin(event, subject),
      noticesTo(stakeholders, NEED_REASONS, (role) => needTriagedText(input, role)),
    );
  }
}
