import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Readiness } from '@styrkedjan/platform';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway.config';
import { BACKEND_SERVICES } from '../routing/route-table';

// Under the 2 s Readiness gives each check, so a hung service reports its own cause.
const CHECK_TIMEOUT_MS = 1500;

/** The gateway is ready when every service it routes to is (degraded when one is): one check per service, beside the queues. */
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
        if (!response.ok) {
          await response.body?.cancel();
          throw new Error(`answered ${response.status}`);
        }
        // A service that is ready without its queues (writes wait in its outbox) makes the gateway degraded too.
        const body = (await response.json().catch(() => null)) as { status?: unknown } | null;
        return body?.status === 'degraded' ? 'degraded' : undefined;
      });
    }
  }
}
