import { Controller, Header } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ENDPOINTS } from '@styrkedjan/access';
import { Endpoint, Metrics } from '@styrkedjan/platform';

/**
 * The gateway's metrics on its public port, for the platform operator only: every other service serves its own
 * `GET /metrics` on its own port, which the gateway never routes to (only declared routes are).
 */
@ApiTags('admin')
@Controller()
export class GatewayMetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Endpoint(ENDPOINTS.gateway.readMetrics)
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format 0.0.4', schema: { type: 'string' } })
  scrape(): Promise<string> {
    return this.metrics.text();
  }
}
