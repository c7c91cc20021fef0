import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ASSERTION_HEADER, ServiceAssertions } from '@styrkedjan/platform';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway.config';
import { BACKEND_SERVICES, BackendService } from '../routing/route-table';
import { mergeOpenApi, ServiceDocument } from './merge-openapi';

const FETCH_TIMEOUT_MS = 3000;

/**
 * The merged API document. Fetched when first asked for rather than at start, since services may come up
 * after the gateway; kept for good once every service has answered, until then rebuilt on each request
 * so late services appear as soon as they are up.
 */
@Injectable()
export class ApiDocs {
  private readonly logger = new Logger(ApiDocs.name);
  private complete?: OpenAPIObject;
  private building?: Promise<OpenAPIObject>;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly assertions: ServiceAssertions,
  ) {}

  document(own: OpenAPIObject): Promise<OpenAPIObject> {
    if (this.complete) return Promise.resolve(this.complete);
    // Requests arriving while the services are being asked share that one round.
    this.building ??= this.build(own).finally(() => (this.building = undefined));
    return this.building;
  }

  private async build(own: OpenAPIObject): Promise<OpenAPIObject> {
    const fetched = await Promise.all(
      BACKEND_SERVICES.map(async (service) => ({ service, document: await this.fetchDocument(service) })),
    );
    const answered = fetched.filter((entry): entry is ServiceDocument => entry.document !== null);
    const missing = fetched.filter((entry) => entry.document === null).map((entry) => entry.service);
    const merged = mergeOpenApi(own, answered);
    if (missing.length === 0) {
      this.complete = merged;
    } else {
      this.logger.warn(
        `API docs without ${missing.join(', ')} (no answer from /docs-json); asking again on the next request`,
      );
      merged.info = {
        ...merged.info,
        description:
          `${merged.info.description ?? ''}\n\nNot yet included, as they did not answer: ${missing.join(', ')}.`.trim(),
      };
    }
    return merged;
  }

  private async fetchDocument(service: BackendService): Promise<OpenAPIObject | null> {
    try {
      const assertion = this.assertions.sign({
        issuer: 'gateway',
        audience: service,
        method: 'GET',
        target: '/docs-json',
        principal: null,
      });
      const response = await fetch(`${this.config.serviceUrls[service]}/docs-json`, {
        headers: { [ASSERTION_HEADER]: assertion },
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
      if (!response.ok) {
        await response.body?.cancel();
        return null;
      }
      const document = (await response.json()) as OpenAPIObject;
      return document && typeof document === 'object' && typeof document.paths === 'object' ? document : null;
    } catch {
      return null;
    }
  }
}
