import type { OpenAPIObject } from '@nestjs/swagger';
import { completeOpenApiDocument, PAGED_OPERATION, PUBLIC_OPERATION } from './openapi-document';

const ERROR = { $ref: '#/components/schemas/ErrorResponse' };

describe('completeOpenApiDocument', () => {
  const sut = completeOpenApiDocument;
  const document = (paths: Record<string, unknown>) =>
    ({ openapi: '3.0.0', info: { title: 't', version: '1' }, paths }) as unknown as OpenAPIObject;

  it('gives a public operation no security and no 401', () => {
    const { paths } = sut(document({ '/api/health': { get: { [PUBLIC_OPERATION]: true, responses: { 200: {} } } } }));
    expect(paths['/api/health'].get).toEqual({ security: [], responses: { 200: {} } });
  });

  it('gives every other operation the bearer token and its 401, keeping what the route says', () => {
    const { paths } = sut(
      document({
        '/api/me': { get: { responses: { 200: {} } } },
        '/api/auth/x': { get: { security: [{ bearer: [] }], responses: { 401: { description: 'Own words' } } } },
      }),
    );
    expect(paths['/api/me'].get!.security).toEqual([{ bearer: [] }]);
    expect(paths['/api/me'].get!.responses[401]).toMatchObject({ content: { 'application/json': { schema: ERROR } } });
    expect(paths['/api/auth/x'].get!.responses[401]).toEqual({ description: 'Own words' });
  });

  it("documents the body parser's and the validation's refusals where there is a body", () => {
    const { paths } = sut(
      document({
        '/api/terms': {
          post: { requestBody: { content: {} }, responses: { 201: {}, 400: { description: 'Own words' } } },
          get: { responses: { 200: {} } },
        },
      }),
    );
    expect(Object.keys(paths['/api/terms'].post!.responses).sort()).toEqual(['201', '400', '401', '413', '415']);
    expect(paths['/api/terms'].post!.responses[400]).toEqual({ description: 'Own words' });
    expect(Object.keys(paths['/api/terms'].get!.responses).sort()).toEqual(['200', '401']);
  });

  it("documents a paged list's X-Total-Count on its 200", () => {
    const { paths } = sut(
      document({ '/api/users': { get: { [PAGED_OPERATION]: true, responses: { 200: { description: 'Users' } } } } }),
    );
    expect(paths['/api/users'].get).not.toHaveProperty(PAGED_OPERATION);
    expect(paths['/api/users'].get!.responses[200]).toEqual({
      description: 'Users',
      headers: { 'X-Total-Count': { description: expect.any(String), schema: { type: 'integer', minimum: 0 } } },
    });
  });
});
