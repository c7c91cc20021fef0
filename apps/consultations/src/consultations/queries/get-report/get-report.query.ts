import { Query } from '@nestjs/cqrs';
import type { Round } from '../../domain/consultation';
import type { ReportRow } from '../../persistence/report.repository';
import type { ProgressView, ReportView } from '../../views/report.view';

/** The report as one JSON document. */
export class GetReportQuery extends Query<ReportView> {
  constructor(readonly consultationId: string) {
    super();
  }
}

/** The report's rows page by page, for a streamed CSV: the round, its progress and the pages. */
export class StreamReportQuery extends Query<{
  round: Round;
  progress: ProgressView;
  pages: AsyncIterable<ReportRow[]>;
}> {
  constructor(readonly consultationId: string) {
    super();
  }
}
