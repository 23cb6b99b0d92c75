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
 * Nest's 404 for an address no controller has (under /api, or a page's address with another
 * method): the API's JSON (`route_not_found`) under /api, else the Swedish error page.
 */
@Injectable()
@Catch(NotFoundException)
export class NotFoundFilter implements ExceptionFilter, OnApplicationBootstrap {
  private readonly api = new AllExceptionsFilter();

  constructor(
    private readonly pages: WebExceptionFilter,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  catch(exception: NotFoundException, host: ArgumentsHost): void {
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
