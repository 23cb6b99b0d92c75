import { ChildProcess, execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './support/own-redis';
import { ROOT, startServiceProcess, stopServiceProcess } from './support/service-process';
import { createTestDatabase, TEST_REDIS_URL } from './support/test-app';

export const OPENAPI_FILE = join(ROOT, 'test-output', 'openapi.json');

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}

/**
 * The OpenAPI document as the built service serves it (`nest build` runs the Swagger plugin,
 * which reads the DTOs and the JSDoc summaries), linted by Redocly with its recommended rules.
 * `npm run lint:api` runs this file alone.
 */
describe('OpenAPI document', () => {
  let api: ChildProcess | undefined;
  let document: {
    paths: Record<
      string,
      Record<string, { summary?: string; security?: unknown[]; responses: Record<string, unknown> }>
    >;
  };
  afterAll(() => stopServiceProcess(api), 30_000);

  beforeAll(async () => {
    const port = await freePort();
    api = (
      await startServiceProcess(
        'api',
        {
          ...process.env,
          NODE_ENV: 'test',
          PORT: String(port),
          DATABASE_URL: await createTestDatabase(),
          REDIS_URL: TEST_REDIS_URL,
          JWT_SECRET: randomBytes(32).toString('hex'),
          QUEUE_PREFIX: `o${randomBytes(4).toString('hex')}`,
          DATA_DIR: mkdtempSync(join(tmpdir(), 'vfu-openapi-')),
          LOG_LEVEL: 'warn',
        },
        'listening on',
      )
    ).child;
    const response = await fetch(`http://127.0.0.1:${port}/api/docs-json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as typeof document;
    mkdirSync(join(ROOT, 'test-output'), { recursive: true });
    writeFileSync(OPENAPI_FILE, JSON.stringify(document, null, 2));
  }, 60_000);

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
    );

  it('gives every operation a summary, its security and its 4XX responses with the error shape', () => {
    const lacking = operations().filter(
      ({ name, operation }) =>
        !operation.summary ||
        !operation.security ||
        // The health check refuses nothing: it answers 200 or 503.
        (name !== 'GET /api/health' && !Object.keys(operation.responses).some((status) => /^4\d\d$/.test(status))),
    );
    expect(lacking.map((o) => o.name)).toEqual([]);
    const login = document.paths['/api/auth/login'].post;
    expect(login.security).toEqual([]);
    expect(login.responses['401']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
    });
  });

  it("passes Redocly's recommended rules with no error", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        join(ROOT, 'node_modules/@redocly/cli/bin/cli.js'),
        'lint',
        OPENAPI_FILE,
        '--config',
        join(ROOT, 'redocly.yaml'),
        '--format',
        'json',
      ],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
    ).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    const { problems } = JSON.parse(stdout) as { problems: LintProblem[] };
    const found = (severity: LintProblem['severity']) =>
      problems.filter((p) => p.severity === severity).map((p) => `${p.ruleId} at ${p.location[0]?.pointer}`);
    expect(found('error')).toEqual([]);
    // The one warning: the health check has no 4XX answer to document.
    expect(found('warn')).toEqual(['operation-4xx-response at #/paths/~1api~1health/get/responses']);
  }, 60_000);
});
