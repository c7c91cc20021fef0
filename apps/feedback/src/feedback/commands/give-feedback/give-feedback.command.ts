import { Command } from '@nestjs/cqrs';
import type { ApplicationStatus } from '@styrkedjan/contracts';
import { ActingContext } from '@styrkedjan/platform';
import { FeedbackView } from '../../views/feedback.view';

export class GiveFeedbackCommand extends Command<FeedbackView> {
  constructor(
    readonly context: ActingContext,
    readonly supportId: string,
    readonly usefulness: number,
    readonly applicationStatus: ApplicationStatus,
    readonly comment: string,
  ) {
    super();
  }
}
