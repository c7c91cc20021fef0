import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ApiKeysController } from './api/api-keys.controller';
import { ApiKeysRepository } from './persistence/api-keys.repository';

@Module({
  imports: [AuditModule],
  controllers: [ApiKeysController],
  providers: [ApiKeysRepository],
  exports: [ApiKeysRepository],
})
export class ApiKeysModule {}
