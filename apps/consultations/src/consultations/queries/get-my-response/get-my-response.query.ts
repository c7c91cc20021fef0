import { Query } from '@nestjs/cqrs';
import { ActingContext } from '@styrkedjan/platform';
import type { ResponseView } from '../../views/response.view';

export class GetMyResponseQuery extends Query<ResponseView> {
  constructor(
    readonly context: ActingContext,
    readonly consultationId: string,
  ) {
    super();
  }
}
