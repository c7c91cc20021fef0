import { Module } from '@nestjs/common';
import { DownstreamReadiness } from './downstream-readiness';

@Module({ providers: [DownstreamReadiness] })
export class GatewayHealthModule {}
