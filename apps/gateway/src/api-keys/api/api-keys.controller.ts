import { Body, Controller, HttpCode, HttpStatus, Inject, Param, ParseUUIDPipe, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ENDPOINTS, rolesFor } from '@styrkedjan/access';
import { Endpoint, InvalidInput, NotFound, PageQuery } from '@styrkedjan/platform';
import { principalOf } from '../../auth/principal';
import { SecurityLog } from '../../audit/persistence/security-log';
import { GATEWAY_CONFIG, GatewayConfig } from '../../config/gateway.config';
import { newApiKey, StoredApiKey } from '../domain/api-key';
import { ApiKeysRepository } from '../persistence/api-keys.repository';
import { ApiKeyListResponse, ApiKeyResponse, IssuedApiKeyResponse } from './api-key.response.dto';
import { IssueApiKeyRequest } from './issue-api-key.request.dto';

const DAY_MS = 86_400_000;

/** API keys for systems that integrate with Styrkedjan, each for the administrator's own organisation. */
@ApiTags('api-keys')
@Controller()
export class ApiKeysController {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly securityLog: SecurityLog,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Endpoint(ENDPOINTS.gateway.issueApiKey)
  @ApiCreatedResponse({ type: IssuedApiKeyResponse })
  async issue(@Req() request: FastifyRequest, @Body() body: IssueApiKeyRequest): Promise<IssuedApiKeyResponse> {
    const caller = principalOf(request)!;
    if (!rolesFor(caller.organisationKind, [body.role]).length) {
      throw InvalidInput.field(
        'role',
        `${body.role} cannot be held in an organisation of kind ${caller.organisationKind}`,
      );
    }
    const now = new Date();
    const expiresAt = body.expiresAt
      ? new Date(body.expiresAt)
      : new Date(now.getTime() + this.config.auth.apiKeyDefaultDays * DAY_MS);
    if (expiresAt.getTime() <= now.getTime()) throw InvalidInput.field('expiresAt', 'must be in the future');
    if (expiresAt.getTime() > now.getTime() + this.config.auth.apiKeyMaxDays * DAY_MS) {
      throw InvalidInput.field('expiresAt', `must be within ${this.config.auth.apiKeyMaxDays} days`);
    }
    const { id, key, hash } = newApiKey();
    const stored: StoredApiKey = {
      id,
      organisationId: caller.organisationId,
      name: body.name.trim(),
      role: body.role,
      createdAt: now,
      createdBy: caller.userId,
      expiresAt,
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.keys.insert(stored, hash);
    await this.securityLog.record('api_key.issued', request, {
      apiKeyId: id,
      role: body.role,
      expiresAt: expiresAt.toISOString(),
    });
    return { ...ApiKeyResponse.of(stored), key };
  }

  @Endpoint(ENDPOINTS.gateway.listApiKeys)
  @ApiOkResponse({ type: ApiKeyListResponse })
  async list(@Req() request: FastifyRequest, @Query() query: PageQuery): Promise<ApiKeyListResponse> {
    const page = await this.keys.listOf(principalOf(request)!.organisationId, query.limit, query.cursor);
    return { items: page.items.map((key) => ApiKeyResponse.of(key)), nextCursor: page.nextCursor };
  }

  @Endpoint(ENDPOINTS.gateway.revokeApiKey)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ApiKeyResponse })
  @ApiNotFoundResponse({ description: 'Your organisation has no key with this id' })
  async revoke(@Req() request: FastifyRequest, @Param('id', new ParseUUIDPipe()) id: string): Promise<ApiKeyResponse> {
    const revoked = await this.keys.revoke(principalOf(request)!.organisationId, id);
    if (!revoked) throw new NotFound('API key', id);
    await this.securityLog.record('api_key.revoked', request, { apiKeyId: id });
    return ApiKeyResponse.of(revoked);
  }
}
