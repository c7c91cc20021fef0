import { ServiceOptions } from '@styrkedjan/platform';
import { serveApiDocs } from './docs/serve-api-docs';
import { correlationMiddleware } from './http/correlation.middleware';

/** How the gateway's HTTP application differs from a service's; shared by its own process and the one-process mode. */
export const gatewayServiceOptions: ServiceOptions = {
  // Bodies stream through to the services untouched; each service parses and limits its own.
  parseJsonBody: false,
  configure: (app) => {
    app.use(correlationMiddleware());
    serveApiDocs(app);
  },
};
