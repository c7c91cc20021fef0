import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate } from './calendar-date';
import { ClassificationRequest } from './classification.dto';

export class DraftSupportRequest extends ClassificationRequest {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Vägledning för mottagande av nyanlända elever' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @MaxLength(5000)
  summary: string;

  @ApiProperty({ maxLength: 60, example: 'education.compulsory-school', description: 'A code from GET /areas' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  areaCode: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 100,
    default: [],
    description: 'Needs this support answers; each must be known, none repeated',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  needIds: string[] = [];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 50,
    default: [],
    description: 'Organisations producing the support with the lead agency; not the lead itself, none repeated',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  coProducerIds: string[] = [];

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2026-03-01' })
  @IsOptional()
  @IsCalendarDate()
  plannedReleaseDate?: string | null;
}
