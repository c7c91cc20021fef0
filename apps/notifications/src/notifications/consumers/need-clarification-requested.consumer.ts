import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { clarificationRequestedText, NEED_REASONS, noticesTo } from '../domain/need-notices';
import { NotificationsRepository } from '../persistence/notifications.repository';
import { needOrigin } from './origins';

/** Puts the steering group's question in the submitter's inbox; endorsers are not asked. */
@Injectable()
@EventConsumer('need.clarification-requested')
export class NeedClarificationRequestedConsumer implements ConsumesEvent<'need.clarification-requested'> {
  constructor(private readonly notifications: NotificationsRepository) {}

  async handle(event: EventOf<'need.clarification-requested'>, tx: Transaction): Promise<void> {
    const { question, rationale, stakeholders } = event.payload;
    const submitters = stakeholders.filter((stakeholder) => stakeholder.role === 'submitter');
    await this.notifications.deliver(
      tx.manager,
      needOrigin(event),
      noticesTo(submitters, NEED_REASONS, () => clarificationRequestedText({ question, rationale })),
    );
  }
}
