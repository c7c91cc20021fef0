import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@styrkedjan/platform';
import type { Round } from '../../domain/consultation';
import { ReportRepository, ReportRow } from '../../persistence/report.repository';
import { ResponsesRepository } from '../../persistence/responses.repository';
import { RoundsRepository } from '../../persistence/rounds.repository';
import { ProgressView, progressOf, ReportSectionView, ReportView } from '../../views/report.view';
import { GetReportQuery, StreamReportQuery } from './get-report.query';

const JSON_PAGE_SIZE = 10_000;

/** The heading of comments on the draft as a whole. */
export const GENERAL_HEADING = 'Allmänna synpunkter';

async function roundAndProgress(
  rounds: RoundsRepository,
  responses: ResponsesRepository,
  id: string,
): Promise<{ round: Round; progress: ProgressView }> {
  const round = await rounds.find(id);
  if (!round) throw new NotFound('Consultation', id);
  const { answeredCount, commentCount } = await responses.progress(round.id);
  return { round, progress: progressOf(answeredCount, commentCount) };
}

/** The report (remissammanställning): comments on the whole draft first, then each section in its order. */
@QueryHandler(GetReportQuery)
export class GetReportHandler implements IQueryHandler<GetReportQuery, ReportView> {
  constructor(
    private readonly rounds: RoundsRepository,
    private readonly responses: ResponsesRepository,
    private readonly report: ReportRepository,
  ) {}

  async execute(query: GetReportQuery): Promise<ReportView> {
    const { round, progress } = await roundAndProgress(this.rounds, this.responses, query.consultationId);
    const sections = new Map<string | null, ReportSectionView>([
      [null, { sectionId: null, heading: GENERAL_HEADING, comments: [] }],
      ...round.sections.map((section): [string, ReportSectionView] => [
        section.id,
        { sectionId: section.id, heading: section.heading, comments: [] },
      ]),
    ]);
    // The JSON document is built whole anyway: one large page, one query.
    for await (const page of this.report.pages(round, JSON_PAGE_SIZE)) {
      for (const row of page)
        sections.get(row.sectionId)?.comments.push({
          id: row.commentId,
          organisationId: row.organisationId,
          organisationName: row.organisationName,
          text: row.text,
          outcome: row.outcome,
          answer: row.answer,
          answeredAt: row.answeredAt?.toISOString() ?? null,
        });
    }
    return {
      consultationId: round.id,
      supportId: round.supportId,
      supportTitle: round.supportTitle,
      edition: round.edition,
      status: round.status,
      progress,
      sections: [...sections.values()],
    };
  }
}

@QueryHandler(StreamReportQuery)
export class StreamReportHandler implements IQueryHandler<StreamReportQuery> {
  constructor(
    private readonly rounds: RoundsRepository,
    private readonly responses: ResponsesRepository,
    private readonly report: ReportRepository,
  ) {}

  async execute(
    query: StreamReportQuery,
  ): Promise<{ round: Round; progress: ProgressView; pages: AsyncIterable<ReportRow[]> }> {
    const { round, progress } = await roundAndProgress(this.rounds, this.responses, query.consultationId);
    return { round, progress, pages: this.report.pages(round) };
  }
}
