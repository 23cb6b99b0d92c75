import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorResponse } from '../errors/error.response';
import { REFUSAL_DESCRIPTIONS, RefusalStatus } from './api-refusals.decorator';

/** The extension `@Public()` puts on its operation, replaced by `security: []` in the document. */
export const PUBLIC_OPERATION = 'x-vfu-public';

/** The extension `@ApiPaged()` puts on a list, replaced by the `X-Total-Count` header of its 200. */
export const PAGED_OPERATION = 'x-vfu-paged';

const TOTAL_COUNT = {
  description: 'How many rows match in all (that the caller may see), whatever `limit` and `offset` are',
  schema: { type: 'integer', minimum: 0 },
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const refusal = (status: RefusalStatus) => ({
  description: REFUSAL_DESCRIPTIONS[status],
  content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponse) } } },
});

/**
 * Adds what the global layers decide for every route, so no route can forget it: the bearer
 * token (every route but a `@Public()` one, which gets `security: []`) with its 401, and for a
 * request body the body parser's and the validation pipe's refusals (400, 413, 415); a paged
 * list's 200 gets its `X-Total-Count` header.
 */
export function completeOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as (Record<string, unknown> & NonNullable<typeof item.get>) | undefined;
      if (!operation) continue;
      const add = (status: RefusalStatus) => (operation.responses[status] ??= refusal(status));
      if (operation[PUBLIC_OPERATION]) {
        delete operation[PUBLIC_OPERATION];
        operation.security = [];
      } else {
        operation.security ??= [{ bearer: [] }];
        add(401);
      }
      if (operation.requestBody) for (const status of [400, 413, 415] as const) add(status);
      if (operation[PAGED_OPERATION]) {
        delete operation[PAGED_OPERATION];
        const ok = (operation.responses[200] ??= { description: 'A page of the list' }) as {
          headers?: Record<string, unknown>;
        };
        ok.headers = { ...ok.headers, 'X-Total-Count': TOTAL_COUNT };
      }
    }
  }
  return document;
}

/** The API's OpenAPI document, served at /api/docs-json. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('VFU placement coordination')
    .setDescription(
      'Field placements (VFU) for social-work students in Stockholm city: districts, terms, offers, allocation. ' +
        'Every refusal answers with the error shape `ErrorResponse`; its `code` is stable.',
    )
    .setVersion('1')
    .setLicense('Proprietary: Stockholms stad and its partner universities', 'https://www.stockholm.se')
    .addServer('/', 'This service')
    .addBearerAuth()
    .addSecurityRequirements('bearer')
    .build();
  return completeOpenApiDocument(SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponse] }));
}
