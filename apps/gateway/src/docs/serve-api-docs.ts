import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { documentApplication } from '@styrkedjan/platform';
import { ApiDocs } from './api-docs.service';

/** The gateway's own part of the API document (its routes), before the services' are merged into it. */
export function gatewayApiDocument(app: INestApplication): OpenAPIObject {
  return documentApplication(
    app,
    new DocumentBuilder()
      .setTitle('Styrkedjan API')
      .setDescription('Every route of Styrkedjan, through its one public address. Errors are application/problem+json.')
      .setVersion('1')
      .build(),
  );
}

/** Swagger UI at /docs and the merged document at /docs-json, both built from the gateway's own plus the services'. */
export function serveApiDocs(app: INestApplication): void {
  const docs = app.get(ApiDocs);
  SwaggerModule.setup('docs', app, () => gatewayApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    raw: ['json'],
    patchDocumentOnRequest: (_request: unknown, _response: unknown, document: OpenAPIObject) => docs.document(document),
  });
}
