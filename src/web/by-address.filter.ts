import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  Injectable,
  NotFoundException,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express, NextFunction, Request, Response } from 'express';
import { AllExceptionsFilter } from '../common/errors/all-exceptions.filter';
import { WebExceptionFilter } from './web-exception.filter';

const isApi = (request: Request) => /^\/api(?:[/?#]|$)/.test(request.originalUrl);

/**
 * Errors that reach no controller's own filter — Nest's 404 for an address no controller has, a
 * refusal raised by a middleware before routing (a body nested too deep, a NUL in a form field) —
 * answered by address: the API's JSON under /api, else the Swedish error page.
 */
@Injectable()
@Catch()
export class ByAddressFilter implements ExceptionFilter, OnApplicationBootstrap {
  private readonly api = new AllExceptionsFilter();

  constructor(
    private readonly pages: WebExceptionFilter,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (isApi(host.switchToHttp().getRequest<Request>())) return this.api.catch(exception, host);
    this.pages.catch(exception, host);
  }

  /**
   * Nest answers only under its /api prefix; any other address nobody serves would get Express's
   * "Cannot GET". Added once every route is in place, so it runs only when none matched.
   */
  onApplicationBootstrap(): void {
    const express = this.adapterHost.httpAdapter?.getInstance<Express>();
    express?.use((request: Request, response: Response, next: NextFunction) => {
      const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) };
      try {
        this.catch(new NotFoundException(`Cannot ${request.method} ${request.originalUrl}`), host as ArgumentsHost);
      } catch (error) {
        next(error);
      }
    });
  }
}
