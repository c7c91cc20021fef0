import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate } from '@styrkedjan/platform';

export class CalendarQueryParams {
  @ApiProperty({ format: 'date', example: '2027-01-01', description: 'First day (inclusive)' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ format: 'date', example: '2027-12-31', description: 'Last day (inclusive); at most two years on' })
  @IsCalendarDate()
  to: string;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'municipality:social',
    description: 'One audience cell: an organisation kind and a sector, and optionally a profession',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  audience?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this agency's supports and consultations" })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}
