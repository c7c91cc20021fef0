import { Query } from '@nestjs/cqrs';
import type { ConsultationView } from '../../views/consultation.view';

export class GetConsultationQuery extends Query<ConsultationView> {
  constructor(readonly consultationId: string) {
    super();
  }
}
