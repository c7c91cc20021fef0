import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ORGANISATION_KINDS, OrganisationKind, SECTORS, Sector } from '@styrkedjan/contracts';

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Who must apply a support: organisation kinds and sectors (municipalities in social services), and professions. */
export class AudienceRequest {
  @ApiProperty({ enum: ORGANISATION_KINDS, isArray: true, minItems: 1, maxItems: ORGANISATION_KINDS.length })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ORGANISATION_KINDS.length)
  @IsIn(ORGANISATION_KINDS, { each: true })
  organisationKinds: OrganisationKind[];

  @ApiProperty({ enum: SECTORS, isArray: true, minItems: 1, maxItems: SECTORS.length })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SECTORS.length)
  @IsIn(SECTORS, { each: true })
  sectors: Sector[];

  @ApiPropertyOptional({ type: [String], maxItems: 20, maxLength: 100, default: [], example: ['sjuksköterska'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  professions: string[] = [];
}

/** Product type, target groups and audience: what a draft is and whom it is for, shared by drafting and editing. */
export class ClassificationRequest {
  @ApiPropertyOptional({
    maxLength: 60,
    pattern: CODE.source,
    example: 'guidance',
    description: 'A code from GET /product-types',
  })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  @Matches(CODE, { message: '$property must be a product-type code' })
  productType?: string;

  @ApiPropertyOptional({
    type: [String],
    minItems: 1,
    maxItems: 25,
    maxLength: 60,
    pattern: CODE.source,
    example: ['older-people'],
    description: 'Codes from GET /target-groups, none repeated',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(25)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  @Matches(CODE, { each: true, message: 'each value in $property must be a target-group code' })
  targetGroups?: string[];

  @ApiPropertyOptional({ type: AudienceRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => AudienceRequest)
  audience?: AudienceRequest;
}
