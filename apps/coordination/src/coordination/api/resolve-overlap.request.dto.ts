import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { OVERLAP_RESOLUTIONS, OverlapResolution } from '@styrkedjan/contracts';

export class ResolveOverlapRequest {
  @ApiProperty({
    enum: OVERLAP_RESOLUTIONS,
    example: 'coordinate',
    description:
      'coordinate: the other agency becomes a co-producer; distinct: the supports are different (say why); merge: one is withdrawn in favour of the other',
  })
  @IsIn(OVERLAP_RESOLUTIONS)
  resolution: OverlapResolution;

  @ApiPropertyOptional({ maxLength: 2000, default: '', example: 'Vi tar fram stödet tillsammans.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  rationale?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'For merge: the support of the overlap to withdraw' })
  @IsOptional()
  @IsUUID()
  withdrawSupportId?: string;
}
