import { AppConfig } from '../config/app-config';
import { MailContext } from './templates/mail-template';

/** Sender organisation, coordinator contact and links, as configured. */
export const mailContext = (config: AppConfig): MailContext => ({
  organisation: config.env.MAIL_ORGANISATION,
  coordinatorContact: config.env.COORDINATOR_CONTACT,
  publicUrl: config.publicUrl,
});

const FROM_ADDRESS = /<([^<>]+)>\s*$/;

/** The sender's address without its display name. */
export const mailAddress = (config: AppConfig): string =>
  FROM_ADDRESS.exec(config.env.MAIL_FROM)?.[1] ?? config.env.MAIL_FROM;

/** The sender's domain: Message-IDs and calendar UIDs are made unique under it. */
export const mailDomain = (config: AppConfig): string => mailAddress(config).split('@')[1] ?? 'localhost';
