import { Module } from '@nestjs/common';
import { AuditController } from './api/audit.controller';
import { SecurityLog } from './persistence/security-log';

@Module({
  controllers: [AuditController],
  providers: [SecurityLog],
  exports: [SecurityLog],
})
export class AuditModule {}
