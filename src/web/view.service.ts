import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { Eta } from 'eta';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GuardedRequest } from '../auth/access.guard';
import { AppConfig } from '../config/app-config';
import { FIELDS } from '../fields/fields';
import { pageNotice } from './confirmation.interceptor';
import * as format from './format';
import { NAV } from './navigation';
import { cookieOf } from '../common/http/cookies';

/** Compiled, the templates sit beside this file in dist/web/views; under Jest, in src/web/views. */
export const VIEWS_DIR = join(__dirname, 'views');
export const PUBLIC_DIR = join(__dirname, 'public');

export interface PageData {
  title: string;
  [key: string]: unknown;
}

/** Field problems by field name, in Swedish, shown next to the fields they concern. */
export type FormErrors = Record<string, string>;

/**
 * Renders the server-side pages (Eta templates, every value HTML-escaped) inside the layout, with
 * what every page needs: the signed-in user, the CSRF token for its forms, the navigation.
 */
@Injectable()
export class ViewService {
  private readonly eta: Eta;

  constructor(config: AppConfig) {
    if (!existsSync(VIEWS_DIR)) throw new Error(`Templates not found in ${VIEWS_DIR}`);
    // Compiled once per process in every environment; TEMPLATE_RELOAD=true re-reads them on every page.
    this.eta = new Eta({ views: VIEWS_DIR, cache: !config.templateReload, autoEscape: true, autoTrim: [false, 'nl'] });
  }

  page(request: GuardedRequest, template: string, data: PageData): string {
    const user = request.session?.user;
    return this.eta.render(template, {
      ...data,
      user: user ? { name: user.name, role: user.role } : null,
      csrf: request.session?.csrfToken ?? cookieOf(request, 'vfu_csrf') ?? '',
      nav: user ? NAV[user.role] : [],
      path: request.path,
      notice: pageNotice(request),
      fields: FIELDS,
      f: format,
      errors: data.errors ?? {},
      values: data.values ?? {},
    });
  }
}

/** Answers with a rendered page and its status (a form shown again with its errors, say). */
export function sendPage(response: Response, status: number, html: string): void {
  response.status(status).type('html').send(html);
}
