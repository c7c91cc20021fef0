import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { ADMINISTRATIVE_ROLES, ROLES, Role } from '@styrkedjan/access';

type AdministrativeRole = (typeof ADMINISTRATIVE_ROLES)[number];
/** A key acts for a system of the organisation: it never administers the organisation nor the platform. */
const KEY_ROLES = ROLES.filter((role) => !(ADMINISTRATIVE_ROLES as readonly Role[]).includes(role));

/** Issues a key for the caller's own organisation: the organisation comes from the token, never from the body. */
export class IssueApiKeyRequest {
  @ApiProperty({
    description: 'What the key is for, to recognise it in the list',
    example: 'Ärendesystem, import av behov',
  })
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiProperty({
    enum: KEY_ROLES,
    description: 'The role the key acts in; it must fit the organisation, and is never an administrative one',
  })
  @IsIn(KEY_ROLES)
  role: Exclude<Role, AdministrativeRole>;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the key stops working; default API_KEY_DEFAULT_DAYS from now, at most API_KEY_MAX_DAYS',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @MaxLength(40)
  expiresAt?: string;
}
