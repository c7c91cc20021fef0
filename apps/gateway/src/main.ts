import 'reflect-metadata';
import helmet from 'helmet';
import { runService } from '@styrkedjan/platform';
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
    serveApiDocs(app);
  },
});
