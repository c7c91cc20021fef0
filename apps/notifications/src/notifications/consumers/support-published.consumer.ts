import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { FIRST_EDITION } from '../domain/lifecycle-notices';
import { ANSWER_REASONS, needAnsweredText, noticesTo } from '../domain/need-notices';
import { publicationOccasion, supportPublishedText, TEXT_PRIORITY } from '../domain/notification';
import { NotificationsRepository } from '../persistence/notifications.repository';
import { RecipientsRepository } from '../persistence/recipients.repository';
import { areaName, organisationName } from './directory-names';
import { editionOrigin } from './origins';
import { publishEdition } from './published-editions';

/**
 * Alerts the followers of the support's area, the submitters of the needs it answers (`answersNeeds`) and
 * those who commented in a round of its first edition (with a link to the round's report). need.answered
 * tells those submitters and the needs' endorsers too; all of it is one notification per organisation and
 * publication, so a submitter is told at whichever of the events arrives first, and once.
 */
@Injectable()
@EventConsumer('support.published')
export class SupportPublishedConsumer implements ConsumesEvent<'support.published'> {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly recipients: RecipientsRepository,
  ) {}

  async handle(event: EventOf<'support.published'>, tx: Transaction): Promise<void> {
    const { supportId, leadAgencyId, title, areaCode, answersNeeds } = event.payload;
    const agencyName = await organisationName(tx, leadAgencyId);
    const published = {
      supportId,
      edition: FIRST_EDITION,
      type: event.type,
      occasion: publicationOccasion(supportId),
      title,
      leadAgencyId,
      eventId: event.id,
      publishedAt: event.occurredAt,
    };
    const commenters = await publishEdition(tx, this.recipients, published, agencyName);
    const submitters = answersNeeds.map((need) => ({
      organisationId: need.organisationId,
      role: 'submitter' as const,
    }));
    await this.notifications.deliver(
      tx.manager,
      editionOrigin(published),
      [
        ...noticesTo(submitters, ANSWER_REASONS, (role) =>
          needAnsweredText({ leadAgencyName: agencyName, supportTitle: title }, role),
        ),
        ...commenters,
      ],
      {
        areaCode,
        reason: 'subscribed_area',
        text: supportPublishedText({ agencyName, supportTitle: title, areaName: await areaName(tx, areaCode) }),
        priority: TEXT_PRIORITY.other,
      },
    );
  }
}
