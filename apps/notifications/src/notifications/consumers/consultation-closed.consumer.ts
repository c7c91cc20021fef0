import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { consultationClosedText, reportLink } from '../domain/lifecycle-notices';
import { TEXT_PRIORITY } from '../domain/notification';
import { NotificationsRepository } from '../persistence/notifications.repository';
import { RecipientsRepository } from '../persistence/recipients.repository';
import { organisationName } from './directory-names';
import { editionOrigin, roundOrigin } from './origins';
import { commenterNotices } from './published-editions';

/**
 * Tells the lead agency how its round went (response rate, comments to answer) and keeps who commented, to
 * be told when the edition is published. The publication normally comes later (the supports service refuses
 * it while comments are unanswered), but the two events travel through different services' outboxes: when
 * the edition's publication has already arrived, its commenters are told now, in its notification.
 */
@Injectable()
@EventConsumer('consultation.closed')
export class ConsultationClosedConsumer implements ConsumesEvent<'consultation.closed'> {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly recipients: RecipientsRepository,
  ) {}

  async handle(event: EventOf<'consultation.closed'>, tx: Transaction): Promise<void> {
    const { consultationId, supportId, edition, supportTitle, leadAgencyId, respondents } = event.payload;
    await this.notifications.deliver(tx.manager, roundOrigin(event), [
      {
        organisationId: leadAgencyId,
        reason: 'your_consultation',
        text: consultationClosedText({
          supportTitle,
          invited: respondents.length + event.payload.nonRespondentIds.length,
          responded: respondents.length,
          commentCount: event.payload.commentCount,
        }),
        priority: TEXT_PRIORITY.other,
        link: reportLink(consultationId),
      },
    ]);
    await this.recipients.lockEdition(tx.manager, supportId, edition);
    await this.recipients.recordCommenters(
      tx.manager,
      { consultationId, supportId, edition, closedAt: event.payload.closedAt },
      respondents,
    );
    const published = await this.recipients.publicationOf(tx.manager, supportId, edition);
    if (!published) return;
    const agencyName = await organisationName(tx, published.leadAgencyId);
    await this.notifications.deliver(
      tx.manager,
      editionOrigin(published),
      await commenterNotices(tx, this.recipients, published, agencyName),
    );
  }
}
