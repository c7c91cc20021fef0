import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { APPLICATION_STATUSES, ApplicationStatus } from '@styrkedjan/contracts';
import { MAX_COMMENT_LENGTH, MAX_USEFULNESS, MIN_USEFULNESS } from '../domain/feedback';

export class GiveFeedbackRequest {
  @ApiProperty({
    minimum: MIN_USEFULNESS,
    maximum: MAX_USEFULNESS,
    example: 4,
    description: 'How useful the support is in practice, 1 (not at all) to 5 (very)',
  })
  @IsInt()
  @Min(MIN_USEFULNESS)
  @Max(MAX_USEFULNESS)
  usefulness: number;

  @ApiProperty({
    enum: APPLICATION_STATUSES,
    example: 'applied',
    description: 'How far the giver has come in applying the support',
  })
  @IsIn(APPLICATION_STATUSES)
  applicationStatus: ApplicationStatus;

  @ApiPropertyOptional({ maxLength: MAX_COMMENT_LENGTH, default: '', example: 'Används i tre vårdcentraler.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_COMMENT_LENGTH)
  comment?: string;
}
