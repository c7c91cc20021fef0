import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Readiness } from '@styrkedjan/platform';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway.config';
import { BACKEND_SERVICES } from '../routing/route-table';

// Under the 2 s Readiness gives each check, so a hung service reports its own cause.
const CHECK_TIMEOUT_MS = 1500;

/** The gateway is ready when every service it routes to is: one check per service, beside Redis. */
@Injectable()
export class DownstreamReadiness implements OnModuleInit {
  constructor(
    private readonly readiness: Readiness,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  onModuleInit(): void {
    for (const service of BACKEND_SERVICES) {
      this.readiness.register(service, async () => {
        const response = await fetch(`${this.config.serviceUrls[service]}/health/ready`, {
          signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
        }).catch((error: Error & { cause?: { code?: string } }) => {
          // fetch says only "fetch failed"; the cause (ECONNREFUSED, ...) is what an operator needs.
          throw new Error(error.cause?.code ?? error.message);
        });
        await response.body?.cancel();
        if (!response.ok) throw new Error(`answered ${response.status}`);
      });
    }
  }
}
