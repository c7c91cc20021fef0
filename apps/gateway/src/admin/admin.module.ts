import { Module } from '@nestjs/common';
import { DeadLettersController } from './api/dead-letters.controller';
import { GatewayMetricsController } from './api/metrics.controller';

@Module({ controllers: [DeadLettersController, GatewayMetricsController] })
export class AdminModule {}
