import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import { Logger } from 'nestjs-pino';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { mountQueueBoard } from './admin/queue-board';
import { AppModule, ProcessRole } from './app.module';
import { createValidationPipe } from './common/errors/validation';
import { BodyTypesInterceptor } from './common/http/body-types';
import { refuseDeepJson, refuseIllFormedInput, WellFormedParamsPipe } from './common/http/well-formed-input';
import { createOpenApiDocument } from './common/openapi/openapi-document';
import { AppConfig } from './config/app-config';
import { PUBLIC_DIR } from './web/view.service';
import { routesOf } from './web/routes';
import { WEB_CONTROLLERS } from './web/web.module';

/** BullMQ picks its backend process-wide: Redis when REDIS_URL is set, else PostgreSQL. */
export function selectQueueBackend(config: AppConfig): void {
  setDefaultBackendFactory(config.queueBackend === 'postgres' ? (createPostgresBackend as never) : undefined);
}

/** The HTTP application exactly as production runs it; the e2e tests build theirs here too. */
export async function createHttpApp(
  config: AppConfig,
  role: Exclude<ProcessRole, 'worker'>,
): Promise<INestApplication> {
  selectQueueBackend(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRole(config, role), {
    bufferLogs: true,
    rawBody: false,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.env.TRUST_PROXY);
  // The nesting depth is checked on the raw text, before the parser or anything else walks it: body-parser's
  // `verify`, which Nest leaves out of its types for its own rawBody option (off here).
  const json = { limit: '1mb', verify: refuseDeepJson };
  app.useBodyParser('json', json);
  // The pages' forms (Nest's own default, registered here so that the check below comes after it).
  app.useBodyParser('urlencoded', { extended: true });
  // Student imports arrive as CSV files.
  app.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: '2mb' });
  app.use(cookieParser());
  app.disable('x-powered-by');
  // Every answer is Cache-Control: no-store, so nothing would revalidate an ETag; Express would
  // still hash each whole body (a 500 KB list, every time) to make one.
  app.set('etag', false);
  // The browser pages, the API docs and the queue board get helmet's policy (scripts and styles
  // from this site only); an API answer is data, which may load nothing and be framed nowhere.
  const pageHeaders = helmet({
    contentSecurityPolicy: {
      directives: { 'form-action': ["'self'"], 'upgrade-insecure-requests': config.isProduction ? [] : null },
    },
    hsts: config.isProduction,
  });
  const apiHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] },
    },
    hsts: config.isProduction,
  });
  const apiPage = (path: string) => /^\/api\/(docs|admin\/queues)(\/|$)/.test(path);
  app.use((req: Request, res: Response, next: NextFunction) => {
    // Pages and API answers carry personal data: never kept in a shared cache or the browser's history cache.
    if (!req.path.startsWith('/static/')) res.setHeader('Cache-Control', 'no-store');
    const api = req.path === '/api' || req.path.startsWith('/api/');
    (api && !apiPage(req.path) ? apiHeaders : pageHeaders)(req, res, next);
  });
  // Ill-formed text and prototype keys in the parsed body and the query; refused with the headers set.
  app.use(refuseIllFormedInput);
  app.useStaticAssets(PUBLIC_DIR, { prefix: '/static/', maxAge: config.isProduction ? '1h' : 0 });
  app.setGlobalPrefix('api', { exclude: routesOf(WEB_CONTROLLERS) });
  app.useGlobalPipes(new WellFormedParamsPipe(), createValidationPipe());
  app.useGlobalInterceptors(new BodyTypesInterceptor(app.get(Reflector)));
  mountQueueBoard(app);
  const document = createOpenApiDocument(app);
  if (config.apiDocs) SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

/** A process that only runs jobs: no HTTP server. */
export async function createWorkerApp(config: AppConfig): Promise<INestApplicationContext> {
  selectQueueBackend(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRole(config, 'worker'), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  return app;
}
