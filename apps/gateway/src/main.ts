import 'reflect-metadata';
import { runService } from '@styrkedjan/platform';
import { AppModule } from './app.module';
import { serveApiDocs } from './docs/serve-api-docs';
import { correlationMiddleware } from './http/correlation.middleware';

void runService(AppModule, 'gateway', {
  // Bodies stream through to the services untouched; each service parses and limits its own.
  parseJsonBody: false,
  configure: (app) => {
    app.use(correlationMiddleware());
    serveApiDocs(app);
  },
});
