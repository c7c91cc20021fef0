import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MAX_SUBSCRIBED_AREAS } from '../domain/subscriptions';

export class ReplaceSubscriptionsRequest {
  @ApiProperty({
    type: [String],
    maxItems: MAX_SUBSCRIBED_AREAS,
    uniqueItems: true,
    example: ['health.primary-care', 'health.mental-health'],
    description: 'Codes from GET /areas; the whole new set (an empty list follows nothing)',
  })
  @IsArray()
  @ArrayMaxSize(MAX_SUBSCRIBED_AREAS)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(60, { each: true })
  areaCodes: string[];
}
