import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors/app-error';
import { InputErrors } from '../errors/input.errors';
import { inputTextProblems } from './input-text';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from './json-depth';

/** body-parser's `verify` for JSON: a body nested too deep is refused from its raw text, before it is parsed. */
export function refuseDeepJson(_req: unknown, _res: unknown, body: Buffer, encoding: string | null): void {
  const text = !encoding || /^utf-?8$/i.test(encoding) ? body : new TextDecoder(encoding).decode(body);
  if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH))
    throw AppError.of(InputErrors.too_deeply_nested, { max: MAX_JSON_DEPTH });
}

/** Refuses ill-formed text and prototype keys in a parsed body (JSON or a form) or the query, before any route reads them. */
export function refuseIllFormedInput(req: Request, _res: Response, next: NextFunction): void {
  // A text body (a CSV file) is checked cell by cell by its parser, which can name the cell.
  const body: unknown = typeof req.body === 'object' ? req.body : undefined;
  const problems = [...inputTextProblems(body), ...inputTextProblems(req.query)];
  next(problems.length ? AppError.invalid(problems) : undefined);
}

/** The same check for path parameters, which only have their names once the route is known. */
@Injectable()
export class WellFormedParamsPipe implements PipeTransform {
  transform(value: unknown, { type, data }: ArgumentMetadata): unknown {
    if (type !== 'param') return value;
    const problems = inputTextProblems(value, data ?? '');
    if (problems.length) throw AppError.invalid(problems);
    return value;
  }
}
