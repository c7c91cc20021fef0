import { Query } from '@nestjs/cqrs';
import type { ConsultationSummaryView } from '../../views/consultation.view';

export class ListSupportConsultationsQuery extends Query<{ items: ConsultationSummaryView[] }> {
  constructor(readonly supportId: string) {
    super();
  }
}
