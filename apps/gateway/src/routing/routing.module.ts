import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ProxyController } from './proxy.controller';
import { ProxyService } from './proxy.service';

@Module({
  imports: [AuditModule],
  controllers: [ProxyController],
  providers: [ProxyService],
})
export class RoutingModule {}
