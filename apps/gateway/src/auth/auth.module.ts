import { Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ServiceAssertions } from '@styrkedjan/platform';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { ApiKeysRepository } from '../api-keys/persistence/api-keys.repository';
import { AuditModule } from '../audit/audit.module';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway.config';
import { RateLimits } from '../limits/rate-limits';
import { AuthGuard } from './auth.guard';
import { Authenticator } from './authenticator';
import { findInDirectory } from './directory-client';
import { OrganisationResolver } from './organisation-resolver';
import { TokenVerifier } from './token-verifier';

/** Establishes the caller of every request and asks the policy before any gateway route runs, the proxy included. */
@Module({
  imports: [ApiKeysModule, AuditModule],
  providers: [
    {
      provide: Authenticator,
      inject: [GATEWAY_CONFIG, ApiKeysRepository, ServiceAssertions],
      useFactory: (config: GatewayConfig, apiKeys: ApiKeysRepository, assertions: ServiceAssertions) => {
        const operator = config.auth.operatorOrganisationId;
        new Logger('Authenticator').log(
          operator
            ? `the platform operator role is held only in the organisation ${operator}`
            : 'no PLATFORM_OPERATOR_ORGANISATION_ID: nobody holds the platform operator role (dead letters, the whole security log)',
        );
        return new Authenticator(
          config.auth,
          new TokenVerifier(config.auth),
          new OrganisationResolver(findInDirectory(config.serviceUrls.directory, config.proxyTimeoutMs, assertions), {
            maxEntries: config.principalCacheSize,
            ttlMs: config.principalCacheTtlMs,
          }),
          apiKeys,
        );
      },
    },
    RateLimits,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}
