import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';

export class IdentifyNeedRequest {
  @ApiProperty({ maxLength: 200, example: 'Stöd för att ta emot ensamkommande barn i skolan' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @MaxLength(5000)
  description: string;

  @ApiProperty({ maxLength: 60, example: 'education.compulsory-school', description: 'A code from GET /areas' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  areaCode: string;

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 25,
    example: ['newly-arrived', 'pupils'],
    description: 'Codes from GET /target-groups: who the need is about',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(25)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  targetGroups: string[];

  @ApiPropertyOptional({ maxLength: 1000, nullable: true, description: 'What the codes cannot say' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}
