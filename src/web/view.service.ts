import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { Eta } from 'eta';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GuardedRequest } from '../auth/access.guard';
import { Role } from '../common/auth/role';
import { AppConfig } from '../config/app-config';
import { FIELDS } from '../fields/fields';
import * as format from './format';
import { NAV } from './navigation';

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
    this.eta = new Eta({ views: VIEWS_DIR, cache: config.isProduction, autoEscape: true, autoTrim: [false, 'nl'] });
  }

  page(request: GuardedRequest, template: string, data: PageData): string {
    const user = request.session?.user;
    return this.eta.render(template, {
      ...data,
      user: user ? { name: user.name, role: user.role } : null,
      csrf: request.session?.csrfToken ?? request.cookies?.vfu_csrf ?? '',
      nav: user ? NAV[user.role as Role] : [],
      path: request.path,
      notice: typeof request.query.klart === 'string' ? NOTICES[request.query.klart] : undefined,
      fields: FIELDS,
      f: format,
      errors: data.errors ?? {},
      values: data.values ?? {},
    });
  }
}

/** What a redirect after a successful form post says, by `?klart=` key (never free text). */
export const NOTICES: Record<string, string> = {
  sparat: 'Ändringarna är sparade.',
  skapat: 'Det är skapat.',
  borttaget: 'Det är borttaget.',
  skickat: 'Det är skickat.',
  publicerat: 'Placeringarna är publicerade och alla berörda får e-post.',
  importerat: 'Studenterna är importerade.',
  tillampat: 'Förslaget är infört som utkast till placeringar.',
  installt: 'Händelsen är inställd och de inbjudna får besked.',
  ny_lank: 'Du har fått en ny kalenderlänk. Den gamla fungerar inte längre.',
  utloggad: 'Du är utloggad.',
  plats_varning: 'Platsen är sparad, men något behöver ses över: se varningarna vid platsen.',
  forfragan_skickad: 'Förfrågan är registrerad och skickad vidare till lärosätenas VFU-samordnare.',
  rapport_ersatt: 'Året var redan rapporterat: den tidigare rapporten är ersatt med den nya.',
  anvandare_skapad: 'Användaren är skapad och får ett välkomstmejl.',
  narvaro_sparad: 'Närvaron är sparad.',
  handelse_skapad: 'Händelsen är upplagd och de inbjudna får en kalenderinbjudan med e-post.',
  handelse_andrad: 'Ändringarna är sparade och de inbjudna får en uppdaterad kalenderinbjudan.',
};

/** Answers with a rendered page and its status (a form shown again with its errors, say). */
export function sendPage(response: Response, status: number, html: string): void {
  response.status(status).type('html').send(html);
}
