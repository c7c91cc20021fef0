import { Query } from '@nestjs/cqrs';
import type { TimelineEntryView } from '../../views/need.view';

export class GetNeedTimelineQuery extends Query<{ needId: string; items: TimelineEntryView[] }> {
  constructor(readonly needId: string) {
    super();
  }
}
