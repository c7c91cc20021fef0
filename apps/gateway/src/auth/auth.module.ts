import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway.config';
import { OrganisationHeaderGuard } from './organisation-header.guard';
import { PrincipalCache } from './principal-cache';
import { findInDirectory } from './directory-client';
import { PrincipalResolver } from './principal-resolver';

/** Establishes the principal of every request before any gateway route runs, the proxy included. */
@Module({
  providers: [
    {
      provide: PrincipalResolver,
      inject: [GATEWAY_CONFIG],
      useFactory: (config: GatewayConfig) =>
        new PrincipalResolver(
          findInDirectory(config.serviceUrls.directory, config.proxyTimeoutMs),
          new PrincipalCache(config.principalCacheSize, config.principalCacheTtlMs),
        ),
    },
    { provide: APP_GUARD, useClass: OrganisationHeaderGuard },
  ],
})
export class AuthModule {}
