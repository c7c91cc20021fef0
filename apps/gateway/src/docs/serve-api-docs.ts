import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ApiDocs } from './api-docs.service';

/** Swagger UI at /docs and the merged document at /docs-json, both built from the gateway's own plus the services'. */
export function serveApiDocs(app: INestApplication): void {
  const docs = app.get(ApiDocs);
  const own = () =>
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Styrkedjan API')
        .setDescription(
          'Every route of Styrkedjan, through its one public address. Errors are application/problem+json.',
        )
        .setVersion('1')
        .build(),
    );
  SwaggerModule.setup('docs', app, own, {
    jsonDocumentUrl: 'docs-json',
    raw: ['json'],
    patchDocumentOnRequest: (_request: unknown, _response: unknown, document: OpenAPIObject) => docs.document(document),
  });
}
