import { Module } from '@nestjs/common';
import { MessagingModule } from '@styrkedjan/messaging';
import { PlatformModule } from '@styrkedjan/platform';
import { AdminModule } from './admin/admin.module';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { GatewayConfigModule } from './config/gateway.config';
import { accessDatabase } from './database/access.database';
import { DocsModule } from './docs/docs.module';
import { GatewayHealthModule } from './health/health.module';
import { RoutingModule } from './routing/routing.module';

/** The one public address: establishes who calls and what they may do, routes to the service that owns the path, documents it all. */
@Module({
  imports: [
    PlatformModule.forService('gateway', accessDatabase),
    GatewayConfigModule.forRoot(),
    MessagingModule.forOperator(),
    AuthModule,
    AuditModule,
    ApiKeysModule,
    GatewayHealthModule,
    DocsModule,
    AdminModule,
    // Last: its catch-all route must come after every route the gateway serves itself.
    RoutingModule,
  ],
})
export class AppModule {}
