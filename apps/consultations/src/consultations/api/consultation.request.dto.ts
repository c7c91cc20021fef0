import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { COMMENT_OUTCOMES, CommentOutcome } from '@styrkedjan/contracts';
import {
  MAX_COMMENTS,
  MAX_ORGANISATION_IDS,
  MAX_QUESTIONS,
  MAX_REASON,
  MAX_SECTIONS,
  MAX_SELECTORS,
  MAX_TEXT,
  SELECTOR_KINDS,
  SelectorKind,
} from '../domain/consultation';

const ID = /^[A-Za-z0-9._-]{1,40}$/;
const ID_MESSAGE = 'must be 1–40 letters, digits, dots, hyphens or underscores';

/** A calendar date, `YYYY-MM-DD`: a deadline is a day, which ends at midnight Swedish time. */
function DateOnly(description: string): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ format: 'date', maxLength: 10, example: '2027-04-15', description })(target, key);
    IsISO8601({ strict: true })(target, key);
    MaxLength(10)(target, key);
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${String(key)} must be a date, YYYY-MM-DD` })(target, key);
  };
}

export class ConsulteeSelectorRequest {
  @ApiProperty({ enum: SELECTOR_KINDS })
  @IsIn(SELECTOR_KINDS)
  kind: SelectorKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'municipalities-of-county: the region (county)' })
  @IsOptional()
  @IsUUID()
  regionId?: string;
}

export class ConsulteesRequest {
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_ORGANISATION_IDS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ORGANISATION_IDS)
  @IsUUID('all', { each: true })
  organisationIds?: string[];

  @ApiPropertyOptional({ type: [ConsulteeSelectorRequest], maxItems: MAX_SELECTORS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SELECTORS)
  @ValidateNested({ each: true })
  @Type(() => ConsulteeSelectorRequest)
  selectors?: ConsulteeSelectorRequest[];
}

export class QuestionRequest {
  @ApiProperty({ maxLength: 40, pattern: ID.source, example: 'q1' })
  @Matches(ID, { message: `id ${ID_MESSAGE}` })
  @MaxLength(40)
  id: string;

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  text: string;
}

export class SectionRequest {
  @ApiProperty({ maxLength: 40, pattern: ID.source, example: 's2' })
  @Matches(ID, { message: `id ${ID_MESSAGE}` })
  @MaxLength(40)
  id: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  heading: string;
}

export class OpenConsultationRequest {
  @ApiProperty({ type: ConsulteesRequest, description: 'Resolved to a fixed list when the round opens' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ConsulteesRequest)
  consultees: ConsulteesRequest;

  @ApiProperty({ type: [QuestionRequest], maxItems: MAX_QUESTIONS })
  @IsArray()
  @ArrayMaxSize(MAX_QUESTIONS)
  @ValidateNested({ each: true })
  @Type(() => QuestionRequest)
  questions: QuestionRequest[];

  @ApiPropertyOptional({ type: [SectionRequest], maxItems: MAX_SECTIONS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SECTIONS)
  @ValidateNested({ each: true })
  @Type(() => SectionRequest)
  sections?: SectionRequest[];

  @DateOnly('The last day responses are taken (until midnight, Swedish time): a working day far enough away')
  closesAt: string;

  @ApiPropertyOptional({ description: 'Move closesAt to the next national fixed consultation date' })
  @IsOptional()
  @IsBoolean()
  snapToFixedDate?: boolean;

  @ApiPropertyOptional({ format: 'uri', maxLength: 2000 })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['https', 'http'] })
  @MaxLength(2000)
  documentUrl?: string;
}

export class AnswerRequest {
  @ApiProperty({ maxLength: 40, pattern: ID.source })
  @Matches(ID, { message: `questionId ${ID_MESSAGE}` })
  @MaxLength(40)
  questionId: string;

  @ApiProperty({ maxLength: MAX_TEXT })
  @IsString()
  @MaxLength(MAX_TEXT)
  text: string;
}

export class CommentRequest {
  @ApiPropertyOptional({ maxLength: 40, pattern: ID.source, description: 'Absent: on the draft as a whole' })
  @IsOptional()
  @Matches(ID, { message: `sectionId ${ID_MESSAGE}` })
  @MaxLength(40)
  sectionId?: string;

  @ApiProperty({ maxLength: MAX_TEXT })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_TEXT)
  text: string;
}

export class SaveResponseRequest {
  @ApiPropertyOptional({ type: [AnswerRequest], maxItems: MAX_QUESTIONS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_QUESTIONS)
  @ValidateNested({ each: true })
  @Type(() => AnswerRequest)
  answers?: AnswerRequest[];

  @ApiPropertyOptional({ type: [CommentRequest], maxItems: MAX_COMMENTS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_COMMENTS)
  @ValidateNested({ each: true })
  @Type(() => CommentRequest)
  comments?: CommentRequest[];

  @ApiPropertyOptional({ description: 'The organisation has no comments' })
  @IsOptional()
  @IsBoolean()
  noComments?: boolean;
}

export class ExtendConsultationRequest {
  @DateOnly('The new last day: later than the current one, a working day')
  closesAt: string;

  @ApiProperty({ maxLength: MAX_REASON })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_REASON)
  reason: string;
}

export class AnswerCommentRequest {
  @ApiProperty({ enum: COMMENT_OUTCOMES })
  @IsIn(COMMENT_OUTCOMES)
  outcome: CommentOutcome;

  @ApiProperty({ maxLength: MAX_TEXT })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_TEXT)
  answer: string;
}

export class ReportQueryParams {
  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv: as Accept: text/csv' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
