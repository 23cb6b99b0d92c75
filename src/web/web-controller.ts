import { applyDecorators, Controller, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { WebPage } from '../common/auth/decorators';
import { ConfirmationInterceptor } from './confirmation.interceptor';
import { WebExceptionFilter } from './web-exception.filter';

/**
 * A controller of browser pages: session sign-in with CSRF, HTML errors, a form's confirmation
 * shown once on the next page, not in the API document.
 */
export const WebController = (path = '') =>
  applyDecorators(
    Controller(path),
    WebPage(),
    UseFilters(WebExceptionFilter),
    UseInterceptors(ConfirmationInterceptor),
    ApiExcludeController(),
  );
