import { AppConfig } from '../config/app-config';
import { MailContext } from './templates/mail-template';

/** Sender organisation, coordinator contact and links, as configured. */
export const mailContext = (config: AppConfig): MailContext => ({
  organisation: config.env.MAIL_ORGANISATION,
  coordinatorContact: config.env.COORDINATOR_CONTACT,
  publicUrl: config.publicUrl,
});
