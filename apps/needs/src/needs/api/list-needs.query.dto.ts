import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { NEED_STAGES, ORGANISATION_KINDS, OrganisationKind } from '@styrkedjan/contracts';
import { PageQuery } from '@styrkedjan/platform';
import type { NeedStage } from '../domain/need';
import type { NeedSort } from '../persistence/needs.repository';

/** ISO 8601 durations PostgreSQL reads as an interval: P60D, P2W, P1Y6M, PT12H, P1DT6H. */
export const ISO_DURATION =
  /^P(?!$)(\d{1,4}Y)?(\d{1,4}M)?(\d{1,4}W)?(\d{1,5}D)?(T(?=\d)(\d{1,6}H)?(\d{1,6}M)?(\d{1,8}S)?)?$/;

export class ListNeedsQueryParams extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(60)
  areaCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The organisation that submitted the need' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ enum: NEED_STAGES })
  @IsOptional()
  @IsIn(NEED_STAGES)
  stage?: NeedStage;

  @ApiPropertyOptional({ format: 'uuid', description: 'A region (county): needs submitted or endorsed there' })
  @IsOptional()
  @IsUUID()
  county?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_KINDS, description: 'Needs submitted or endorsed by this kind' })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;

  @ApiPropertyOptional({ description: 'A code from GET /target-groups' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  targetGroup?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The lead agency an accepted need is assigned to' })
  @IsOptional()
  @IsUUID()
  assignedTo?: string;

  @ApiPropertyOptional({
    example: 'P60D',
    description: 'An ISO 8601 duration: open needs with no transition for that long, oldest first',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(ISO_DURATION, { message: 'stale must be an ISO 8601 duration such as P60D' })
  stale?: string;

  @ApiPropertyOptional({ enum: ['newest', 'endorsements'], default: 'newest' })
  @IsOptional()
  @IsIn(['newest', 'endorsements'])
  sort?: Exclude<NeedSort, 'stale'>;
}
