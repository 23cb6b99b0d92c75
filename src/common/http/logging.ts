import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import { AppConfig } from '../../config/app-config';
import { requestIdOf } from './request-id';

// Calendar feed URLs carry a secret token in the path.
const SECRET_PATH = /(\/calendar\/)[^/?#]+/;

/** Structured JSON logs with a request id on every line; never credentials or tokens. */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.env.LOG_LEVEL,
      genReqId: (req, res) => requestIdOf(req, res),
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          '*.password',
          '*.accessToken',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: IncomingMessage & { id?: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url?.split('?')[0].replace(SECRET_PATH, '$1[redacted]'),
        }),
      },
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    },
  };
}
