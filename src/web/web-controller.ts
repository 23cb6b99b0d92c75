import { applyDecorators, Controller, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { WebPage } from '../common/auth/decorators';
import { WebExceptionFilter } from './web-exception.filter';

/** A controller of browser pages: session sign-in with CSRF, HTML errors, not in the API document. */
export const WebController = (path = '') =>
  applyDecorators(Controller(path), WebPage(), UseFilters(WebExceptionFilter), ApiExcludeController());
