import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { DECLINE_REASONS, DeclineReason, TRIAGE_DECISIONS, TriageDecision } from '@styrkedjan/contracts';
import { TEXT_LIMITS } from '../domain/need';

export class EndorseNeedRequest {
  @ApiPropertyOptional({ maxLength: TEXT_LIMITS.comment, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.comment)
  comment?: string | null;

  @ApiPropertyOptional({
    maxLength: TEXT_LIMITS.localContext,
    nullable: true,
    description: 'How the need shows where you are',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.localContext)
  localContext?: string | null;
}

/** Each decision takes its own fields (see the README's triage decisions); any other is refused. */
export class TriageNeedRequest {
  @ApiProperty({ enum: TRIAGE_DECISIONS })
  @IsIn(TRIAGE_DECISIONS)
  decision: TriageDecision;

  @ApiProperty({ maxLength: TEXT_LIMITS.rationale, description: 'Why: required, shown to submitter and endorsers' })
  @IsString()
  @Matches(/\S/, { message: 'rationale is required: say why' })
  @MaxLength(TEXT_LIMITS.rationale)
  rationale: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'accepted: the agency that will answer the need' })
  @IsOptional()
  @IsUUID()
  leadAgencyId?: string;

  @ApiPropertyOptional({ enum: DECLINE_REASONS, description: 'declined: why' })
  @IsOptional()
  @IsIn(DECLINE_REASONS)
  declineReason?: DeclineReason;

  @ApiPropertyOptional({ format: 'uuid', description: 'declined, met-by-existing-support: the published support' })
  @IsOptional()
  @IsUUID()
  existingSupportId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'declined, duplicate: the need this one duplicates' })
  @IsOptional()
  @IsUUID()
  duplicateOfNeedId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'deferred: the day it comes back for review' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @MaxLength(10)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'reviewOn must be a date, YYYY-MM-DD' })
  reviewOn?: string;

  @ApiPropertyOptional({ maxLength: TEXT_LIMITS.question, description: 'more-information-needed: the question' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.question)
  question?: string;
}

export class ClarifyNeedRequest {
  @ApiProperty({ maxLength: TEXT_LIMITS.answer })
  @IsString()
  @Matches(/\S/, { message: 'answer must not be empty' })
  @MaxLength(TEXT_LIMITS.answer)
  answer: string;
}

export class MergeNeedRequest {
  @ApiProperty({ format: 'uuid', description: 'The need that survives and takes over submitters and endorsers' })
  @IsUUID()
  intoNeedId: string;

  @ApiProperty({ maxLength: TEXT_LIMITS.rationale })
  @IsString()
  @Matches(/\S/, { message: 'rationale is required: say why' })
  @MaxLength(TEXT_LIMITS.rationale)
  rationale: string;
}
