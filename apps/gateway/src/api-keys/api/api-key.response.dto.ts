import { ApiProperty } from '@nestjs/swagger';
import type { StoredApiKey } from '../domain/api-key';

export class ApiKeyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() name: string;
  @ApiProperty() role: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'The user who issued it' }) createdBy: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Updated at most once a minute' })
  lastUsedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt: string | null;

  static of(key: StoredApiKey): ApiKeyResponse {
    const iso = (date: Date | null) => date?.toISOString() ?? null;
    return {
      id: key.id,
      organisationId: key.organisationId,
      name: key.name,
      role: key.role,
      createdAt: key.createdAt.toISOString(),
      createdBy: key.createdBy,
      expiresAt: key.expiresAt.toISOString(),
      lastUsedAt: iso(key.lastUsedAt),
      revokedAt: iso(key.revokedAt),
    };
  }
}

export class IssuedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({ description: 'The key itself, shown this once: only its hash is kept. Send it as X-Api-Key.' })
  key: string;
}

export class ApiKeyListResponse {
  @ApiProperty({ type: [ApiKeyResponse] }) items: ApiKeyResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
