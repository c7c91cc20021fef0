import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { REVISION_CHANGES, RevisionChange } from '@styrkedjan/contracts';
import { IsCalendarDate } from './calendar-date';
import { ClassificationRequest } from './classification.dto';

/** An edit of the draft edition: only the fields sent change. */
export class EditSupportRequest extends ClassificationRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  summary?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Moving it needs rescheduleReason; null removes the date',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCalendarDate()
  plannedReleaseDate?: string | null;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Why the planned release date moves: kept in the history' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  rescheduleReason?: string;
}

export class StartRevisionRequest {
  @ApiProperty({ enum: REVISION_CHANGES, description: 'A major revision alerts those concerned; a minor one no one' })
  @IsIn(REVISION_CHANGES)
  change: RevisionChange;

  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  changeNote: string;
}

export class WithdrawSupportRequest {
  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The support that replaces it: another, not withdrawn',
  })
  @IsOptional()
  @IsUUID()
  replacedBySupportId?: string | null;
}

export class AddRegionalAdditionRequest {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @MaxLength(5000)
  summary: string;

  @ApiPropertyOptional({ type: String, format: 'uri', maxLength: 2000, nullable: true })
  @IsOptional()
  @MaxLength(2000)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  url?: string | null;
}
