import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';
import { RenderedMail } from './templates/mail-template';

export interface OutgoingMail {
  /** Names the .eml file when mail is written to a folder. */
  id: string;
  to: string;
  messageId: string;
  rendered: RenderedMail;
}

/** The mail server said no: the message was certainly not accepted, so sending it again is safe. */
export class MailRefusedError extends Error {
  constructor(
    message: string,
    /** A 5xx reply: the same message would be refused again. */
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/**
 * Errors that prove the message never reached the server: a reply code from the server, or a
 * failure to connect or sign in. Anything else (a connection dropped mid-session) leaves it open
 * whether the server accepted the message.
 */
export function refusal(error: unknown): MailRefusedError | null {
  const e = error as {
    message?: string;
    code?: string;
    originalCode?: string;
    responseCode?: number;
    permanent?: boolean;
    timeoutType?: string;
  };
  const message = e.message ?? String(error);
  if (typeof e.responseCode === 'number') return new MailRefusedError(message, e.permanent === true);
  const notConnected =
    ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].includes(
      e.originalCode ?? e.code ?? '',
    ) ||
    ['EDNS', 'EAUTH', 'ENOAUTH', 'ETLS', 'ECONFIG'].includes(e.code ?? '') ||
    e.timeoutType === 'CONNECT_TIMEOUT' ||
    e.timeoutType === 'GREETING_TIMEOUT';
  return notConnected ? new MailRefusedError(message, false) : null;
}

/**
 * Sends over SMTP (SMTP_URL), or without it writes each message as an .eml file into
 * DATA_DIR/outbox-mail, so a first run shows what would have been sent.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfig) {
    this.transport = config.env.SMTP_URL
      ? createTransport({
          url: config.env.SMTP_URL,
          // Bounded, so that a send never outlasts MAIL_SENDING_LEASE_MS.
          connectionTimeout: 30_000,
          greetingTimeout: 30_000,
          socketTimeout: 60_000,
        } as never)
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  get writesToFolder(): boolean {
    return !this.config.env.SMTP_URL;
  }

  /**
   * Hands the message over. Throws MailRefusedError when it was certainly not accepted; any other
   * error means it may have been.
   */
  async send(mail: OutgoingMail): Promise<string> {
    const { rendered } = mail;
    const message = {
      from: this.config.env.MAIL_FROM,
      to: mail.to,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId: mail.messageId,
      icalEvent: rendered.calendar
        ? { method: rendered.calendar.method, filename: rendered.calendar.filename, content: rendered.calendar.content }
        : undefined,
    };
    let info: { response?: string; message?: Buffer | string };
    try {
      info = await this.transport.sendMail(message);
    } catch (error) {
      throw refusal(error) ?? error;
    }
    if (!this.writesToFolder) return String(info.response ?? 'accepted');
    const file = join(this.config.mailFolder, `${mail.id}.eml`);
    await mkdir(this.config.mailFolder, { recursive: true });
    try {
      // 'wx': a second delivery of the same notification finds the file and writes nothing.
      await writeFile(file, info.message as Buffer, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new MailRefusedError((error as Error).message, false);
    }
    this.logger.log(`No SMTP_URL: wrote ${file} instead of sending it`);
    return `written to ${file}`;
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
