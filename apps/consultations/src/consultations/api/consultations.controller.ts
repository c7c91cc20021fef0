import {
  Body,
  Controller,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { ENDPOINTS } from '@styrkedjan/access';
import { ActingContext, Ctx, Endpoint } from '@styrkedjan/platform';
import { AnswerCommentCommand } from '../commands/answer-comment/answer-comment.command';
import { CloseConsultationCommand } from '../commands/close-consultation/close-consultation.command';
import { ExtendConsultationCommand } from '../commands/extend-consultation/extend-consultation.command';
import { OpenConsultationCommand } from '../commands/open-consultation/open-consultation.command';
import { SaveResponseCommand } from '../commands/save-response/save-response.command';
import { SubmitResponseCommand } from '../commands/submit-response/submit-response.command';
import { GetConsultationQuery } from '../queries/get-consultation/get-consultation.query';
import { GetMyResponseQuery } from '../queries/get-my-response/get-my-response.query';
import { GENERAL_HEADING } from '../queries/get-report/get-report.handler';
import { GetReportQuery, StreamReportQuery } from '../queries/get-report/get-report.query';
import { ListSupportConsultationsQuery } from '../queries/list-support-consultations/list-support-consultations.query';
import type { ResponseView } from '../views/response.view';
import {
  AnswerCommentRequest,
  ExtendConsultationRequest,
  OpenConsultationRequest,
  ReportQueryParams,
  SaveResponseRequest,
} from './consultation.request.dto';
import { etagOf, requiredVersion, versionFromIfMatchOfResponse } from './if-match';

const ETAG = {
  ETag: { description: "The response's version: send it back as If-Match", schema: { type: 'string' } },
};
const IF_MATCH = { name: 'If-Match', schema: { type: 'string', maxLength: 20 } } as const;
const CSV_COLUMNS = [
  'section',
  'commentId',
  'organisationId',
  'organisation',
  'comment',
  'outcome',
  'answer',
  'answeredAt',
] as const;

@ApiTags('consultations')
@Controller()
export class ConsultationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Endpoint(ENDPOINTS.consultations.open)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ description: 'The round, with its consultees resolved' })
  @ApiBadRequestResponse({ description: 'A field is invalid: closesAt, an unknown consultee, no consultees …' })
  @ApiForbiddenResponse({ description: 'Not the lead agency of the support' })
  @ApiNotFoundResponse({ description: 'No such support' })
  @ApiConflictResponse({ description: 'Not a draft, withdrawn, or a round already open on this edition' })
  open(
    @Ctx({ acting: true }) context: ActingContext,
    @Param('id', new ParseUUIDPipe()) supportId: string,
    @Body() body: OpenConsultationRequest,
  ) {
    return this.commands.execute(
      new OpenConsultationCommand(context, supportId, {
        consultees: {
          organisationIds: (body.consultees.organisationIds ?? []).map((id) => id.toLowerCase()),
          selectors: (body.consultees.selectors ?? []).map((selector) => ({
            kind: selector.kind,
            ...(selector.regionId ? { regionId: selector.regionId.toLowerCase() } : {}),
          })),
        },
        questions: body.questions.map(({ id, text }) => ({ id, text })),
        sections: (body.sections ?? []).map(({ id, heading }) => ({ id, heading })),
        closesAt: body.closesAt,
        snapToFixedDate: body.snapToFixedDate ?? false,
        documentUrl: body.documentUrl ?? null,
      }),
    );
  }

  @Endpoint(ENDPOINTS.consultations.listForSupport)
  @ApiOkResponse({ description: "The support's rounds, newest first" })
  @ApiNotFoundResponse({ description: 'No such support' })
  listForSupport(@Param('id', new ParseUUIDPipe()) supportId: string) {
    return this.queries.execute(new ListSupportConsultationsQuery(supportId));
  }

  @Endpoint(ENDPOINTS.consultations.get)
  @ApiOkResponse({ description: 'The round' })
  @ApiNotFoundResponse()
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.queries.execute(new GetConsultationQuery(id));
  }

  @Endpoint(ENDPOINTS.consultations.getMyResponse)
  @ApiOkResponse({ description: "Your organisation's response", headers: ETAG })
  @ApiForbiddenResponse({ description: 'Your organisation is not consulted in this round' })
  @ApiNotFoundResponse({ description: 'No such round, or no response saved yet' })
  async getMyResponse(
    @Ctx({ acting: true }) context: ActingContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return withEtag(reply, await this.queries.execute(new GetMyResponseQuery(context, id)));
  }

  @Endpoint(ENDPOINTS.consultations.saveMyResponse)
  @ApiHeader({ ...IF_MATCH, required: false, description: 'The ETag of the response: required after the first save' })
  @ApiOkResponse({ description: 'The draft response', headers: ETAG })
  @ApiForbiddenResponse({ description: 'Your organisation is not consulted in this round' })
  @ApiConflictResponse({ description: 'Closed, past its deadline, or your response is submitted' })
  @ApiPreconditionFailedResponse({ description: 'If-Match is stale: the problem carries the response as it is now' })
  @ApiResponse({ status: 428, description: 'If-Match is missing while a draft exists' })
  async saveMyResponse(
    @Ctx({ acting: true }) context: ActingContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: SaveResponseRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const content = {
      answers: (body.answers ?? []).map(({ questionId, text }) => ({ questionId, text })),
      comments: (body.comments ?? []).map(({ sectionId, text }) => ({ sectionId: sectionId ?? null, text })),
      noComments: body.noComments ?? false,
    };
    return withEtag(
      reply,
      await this.commands.execute(new SaveResponseCommand(context, id, versionFromIfMatchOfResponse(ifMatch), content)),
    );
  }

  @Endpoint(ENDPOINTS.consultations.submitMyResponse)
  @HttpCode(HttpStatus.OK)
  @ApiHeader({ ...IF_MATCH, required: true, description: 'The ETag of the response you submit' })
  @ApiOkResponse({ description: 'The submitted response', headers: ETAG })
  @ApiForbiddenResponse({ description: 'Your organisation is not consulted in this round' })
  @ApiConflictResponse({ description: 'Closed, past its deadline, or already submitted' })
  @ApiPreconditionFailedResponse({ description: 'If-Match is stale' })
  @ApiResponse({ status: 428, description: 'If-Match is missing' })
  async submitMyResponse(
    @Ctx({ acting: true }) context: ActingContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return withEtag(
      reply,
      await this.commands.execute(new SubmitResponseCommand(context, id, requiredVersion(ifMatch))),
    );
  }

  @Endpoint(ENDPOINTS.consultations.extend)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'The round with its new deadline' })
  @ApiBadRequestResponse({ description: 'closesAt is not later, in the past or no working day' })
  @ApiForbiddenResponse({ description: 'Not the lead agency' })
  @ApiConflictResponse({ description: 'The round is closed' })
  extend(
    @Ctx({ acting: true }) context: ActingContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ExtendConsultationRequest,
  ) {
    return this.commands.execute(new ExtendConsultationCommand(context, id, body.closesAt, body.reason));
  }

  @Endpoint(ENDPOINTS.consultations.close)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'The closed round' })
  @ApiForbiddenResponse({ description: 'Not the lead agency' })
  @ApiConflictResponse({ description: 'Already closed' })
  close(@Ctx({ acting: true }) context: ActingContext, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.commands.execute(new CloseConsultationCommand(context, id, true));
  }

  @Endpoint(ENDPOINTS.consultations.answerComment)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'The comment with its answer, and the progress' })
  @ApiForbiddenResponse({ description: 'Not the lead agency' })
  @ApiNotFoundResponse({ description: 'No such round or comment' })
  @ApiConflictResponse({ description: 'The round is still open' })
  answer(
    @Ctx({ acting: true }) context: ActingContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('commentId', new ParseUUIDPipe()) commentId: string,
    @Body() body: AnswerCommentRequest,
  ) {
    return this.commands.execute(new AnswerCommentCommand(context, id, commentId, body.outcome, body.answer));
  }

  @Endpoint(ENDPOINTS.consultations.report)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'The report; as CSV (streamed) with Accept: text/csv or ?format=csv' })
  @ApiNotFoundResponse()
  async report(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: ReportQueryParams,
    @Headers('accept') accept: string | undefined,
  ) {
    const csv = query.format === 'csv' || (!query.format && /\btext\/csv\b/.test(accept ?? ''));
    if (!csv) return this.queries.execute(new GetReportQuery(id));
    const { round, pages } = await this.queries.execute(new StreamReportQuery(id));
    const headings = new Map(round.sections.map((section) => [section.id, section.heading]));
    async function* rows() {
      for await (const page of pages)
        for (const row of page)
          yield {
            section: row.sectionId === null ? GENERAL_HEADING : (headings.get(row.sectionId) ?? row.sectionId),
            commentId: row.commentId,
            organisationId: row.organisationId,
            organisation: row.organisationName ?? '',
            comment: row.text,
            outcome: row.outcome ?? '',
            answer: row.answer ?? '',
            answeredAt: row.answeredAt?.toISOString() ?? '',
          };
    }
    const stream = Readable.from(rows()).pipe(stringify({ header: true, columns: [...CSV_COLUMNS] }));
    return new StreamableFile(stream, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="consultation-${round.id}.csv"`,
    });
  }
}

function withEtag(reply: FastifyReply, response: ResponseView): ResponseView {
  void reply.header('ETag', etagOf(response.version));
  return response;
}
