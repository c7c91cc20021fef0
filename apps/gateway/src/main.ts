import 'reflect-metadata';
import express from 'express';
import helmet from 'helmet';
import { problemErrorMiddleware, runService } from '@styrkedjan/platform';
import { AppModule } from './app.module';
import { serveApiDocs } from './docs/serve-api-docs';
import { parseGatewayConfig } from './config/gateway.config';
import { correlationMiddleware } from './http/correlation.middleware';

void runService(AppModule, 'gateway', {
  // Bodies stream through to the services untouched; each service parses and limits its own.
  parseJsonBody: false,
  configure: (app) => {
    app.use(helmet());
    app.getHttpServer().maxConnections = parseGatewayConfig().maxConnections;
    app.use(correlationMiddleware());
    // The gateway's own routes with a body; everything else streams through to its service unparsed.
    app.use('/api-keys', express.json({ limit: '4kb' }), problemErrorMiddleware());
    serveApiDocs(app);
  },
});
