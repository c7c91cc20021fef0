import type { Transaction } from '@styrkedjan/messaging';
import { commentsAnsweredText, reportLink } from '../domain/lifecycle-notices';
import type { Notice } from '../domain/need-notices';
import { TEXT_PRIORITY } from '../domain/notification';
import type { PublishedEdition, RecipientsRepository } from '../persistence/recipients.repository';

/** The notices of an edition's publication to those who commented in its rounds, each linked to its round's report. */
export async function commenterNotices(
  tx: Transaction,
  recipients: RecipientsRepository,
  published: PublishedEdition,
  leadAgencyName: string | null,
): Promise<Notice[]> {
  const text = commentsAnsweredText({ leadAgencyName, supportTitle: published.title, edition: published.edition });
  const commenters = await recipients.commentersOf(tx.manager, published.supportId, published.edition);
  return commenters.map(({ organisationId, consultationId }) => ({
    organisationId,
    reason: 'commented',
    text,
    priority: TEXT_PRIORITY.commenter,
    link: reportLink(consultationId),
  }));
}

/**
 * Records that an edition was published and returns the notices to its commenters. Locked per edition, so a
 * round's consultation.closed delivered at the same time either sees the publication or is seen by it.
 */
export async function publishEdition(
  tx: Transaction,
  recipients: RecipientsRepository,
  published: PublishedEdition,
  leadAgencyName: string | null,
): Promise<Notice[]> {
  await recipients.lockEdition(tx.manager, published.supportId, published.edition);
  await recipients.recordPublication(tx.manager, published);
  return commenterNotices(tx, recipients, published, leadAgencyName);
}
