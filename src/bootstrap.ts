import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import { Logger } from 'nestjs-pino';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { mountQueueBoard } from './admin/queue-board';
import { AppModule, ProcessRole } from './app.module';
import { createValidationPipe } from './common/errors/validation';
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
  app.useBodyParser('json', { limit: '1mb' });
  // Student imports arrive as CSV files.
  app.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: '2mb' });
  app.use(cookieParser());
  // The browser pages get strict security headers; the API docs and the queue board bring inline scripts of their own.
  const pageHeaders = helmet({
    contentSecurityPolicy: {
      directives: { 'form-action': ["'self'"], 'upgrade-insecure-requests': config.isProduction ? [] : null },
    },
    hsts: config.isProduction,
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/api')) return next();
    // Pages show personal data: never kept in a shared cache or the browser's history cache.
    if (!req.path.startsWith('/static/')) res.setHeader('Cache-Control', 'no-store');
    pageHeaders(req, res, next);
  });
  app.useStaticAssets(PUBLIC_DIR, { prefix: '/static/', maxAge: config.isProduction ? '1h' : 0 });
  app.setGlobalPrefix('api', { exclude: routesOf(WEB_CONTROLLERS) });
  app.useGlobalPipes(createValidationPipe());
  mountQueueBoard(app);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('VFU placement coordination')
      .setDescription(
        'Field placements (VFU) for social-work students in Stockholm city: districts, terms, offers, allocation.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

/** A process that only runs jobs: no HTTP server. */
export async function createWorkerApp(config: AppConfig): Promise<INestApplicationContext> {
  selectQueueBackend(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRole(config, 'worker'), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  return app;
}
