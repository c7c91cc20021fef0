import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

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

  @ApiProperty({ maxLength: 200, example: 'Lärare i grundskolan' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  targetGroup: string;
}
