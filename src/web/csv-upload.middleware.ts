import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { AppError } from '../common/errors/app-error';
import { inputTextProblems } from '../common/http/input-text';

/** The largest student file taken: a few thousand rows fit well within it. */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;

export type UploadRequest = Request & { file?: Express.Multer.File; uploadTooLarge?: boolean };

const parse = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_CSV_BYTES, files: 1 } }).single('file');

/**
 * Reads a file-upload form before the access guard runs, so that the form's CSRF token (a field
 * like any other) is checked as on every form. A file over the limit is flagged for the page to
 * explain, rather than failing the request.
 */
@Injectable()
export class CsvUploadMiddleware implements NestMiddleware {
  use(req: UploadRequest, res: Response, next: NextFunction): void {
    parse(req, res, (error: unknown) => {
      if (error instanceof MulterError && error.code === 'LIMIT_FILE_SIZE') {
        req.uploadTooLarge = true;
        return next();
      }
      if (error) return next(error);
      // The form's other fields, checked as every parsed body is (the file is read by its own parser).
      const problems = inputTextProblems(req.body);
      next(problems.length ? AppError.invalid(problems) : undefined);
    });
  }
}
