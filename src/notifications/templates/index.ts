import { MailTemplate } from './mail-template';
import { userWelcome, UserWelcomeData } from './user-welcome.template';

/** Every e-mail the service sends, by template name, with the data each renders from. */
export interface TemplateData {
  'user-welcome': UserWelcomeData;
}

export type TemplateName = keyof TemplateData;

export const TEMPLATES: { readonly [N in TemplateName]: MailTemplate<TemplateData[N]> } = {
  'user-welcome': userWelcome,
};

export function templateOf(name: string): MailTemplate<unknown> | undefined {
  return (TEMPLATES as Record<string, MailTemplate<unknown>>)[name];
}
