import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { KnownAreaEntity } from '@styrkedjan/reference-data';
import { ANSWER_REASONS, needAnsweredText, noticesTo } from '../domain/need-notices';
import { supportPublishedText, TEXT_PRIORITY } from '../domain/notification';
import { NotificationsRepository } from '../persistence/notifications.repository';
import { organisationName } from './organisation-name';
import { publicationOrigin } from './origins';

/**
 * Alerts the followers of the support's area and the submitters of the needs it answers (`answersNeeds`).
 * need.answered tells those submitters and the needs' endorsers too; all of it is one notification per
 * organisation and publication, so a submitter is told at whichever of the events arrives first, and once.
 */
@Injectable()
@EventConsumer('support.published')
export class SupportPublishedConsumer implements ConsumesEvent<'support.published'> {
  constructor(private readonly notifications: NotificationsRepository) {}

  async handle(event: EventOf<'support.published'>, tx: Transaction): Promise<void> {
    const { leadAgencyId, title, areaCode, answersNeeds } = event.payload;
    const area = await tx.manager.findOneBy(KnownAreaEntity, { code: areaCode });
    const agencyName = await organisationName(tx, leadAgencyId);
    const submitters = answersNeeds.map((need) => ({
      organisationId: need.organisationId,
      role: 'submitter' as const,
    }));
    await this.notifications.deliver(
      tx.manager,
      publicationOrigin(event),
      noticesTo(submitters, ANSWER_REASONS, (role) =>
        needAnsweredText({ leadAgencyName: agencyName, supportTitle: title }, role),
      ),
      {
        areaCode,
        reason: 'subscribed_area',
        text: supportPublishedText({ agencyName, supportTitle: title, areaName: area?.name ?? areaCode }),
        priority: TEXT_PRIORITY.other,
      },
    );
  }
}
