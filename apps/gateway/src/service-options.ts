import express from 'express';
import helmet from 'helmet';
import { problemErrorMiddleware, ServiceOptions } from '@styrkedjan/platform';
import { GATEWAY_CONFIG, GatewayConfig } from './config/gateway.config';
import { serveApiDocs } from './docs/serve-api-docs';
import { correlationMiddleware } from './http/correlation.middleware';

/** How the gateway's HTTP application differs from a service's; shared by its own process and the one-process mode. */
export const gatewayServiceOptions: ServiceOptions = {
  // Bodies stream through to the services untouched; each service parses and limits its own.
  parseJsonBody: false,
  configure: (app) => {
    app.use(helmet());
    app.getHttpServer().maxConnections = app.get<GatewayConfig>(GATEWAY_CONFIG).maxConnections;
    app.use(correlationMiddleware());
    // The gateway's own routes with a body; everything else streams through to its service unparsed.
    app.use('/api-keys', express.json({ limit: '4kb' }), problemErrorMiddleware());
    serveApiDocs(app);
  },
};
