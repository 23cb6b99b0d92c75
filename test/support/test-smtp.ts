import { simpleParser, type ParsedMail } from 'mailparser';
import { setTimeout as sleep } from 'node:timers/promises';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  envelopeTo: string[];
  parsed: ParsedMail;
}

/** How the server answers a message: accept it, or refuse with an SMTP reply code. */
export type SmtpBehaviour = 'accept' | { refuse: number; message?: string };

/**
 * A real SMTP server on loopback (smtp-server), reading each message with mailparser. A test
 * can make it refuse, and run its own code once a message has fully arrived (to stop a worker
 * right after the send, before the server's answer reaches it).
 */
export class TestSmtp {
  readonly received: ReceivedMail[] = [];
  /** Every DATA the server was offered, accepted or refused. */
  attempts = 0;
  behaviour: SmtpBehaviour = 'accept';
  onReceived?: (mail: ReceivedMail) => Promise<void> | void;
  private server?: SMTPServer;

  constructor(readonly port: number) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session: SMTPServerSession, callback) => {
        this.attempts++;
        simpleParser(stream)
          .then(async (parsed) => {
            const behaviour = this.behaviour;
            if (behaviour !== 'accept') {
              const error = new Error(behaviour.message ?? 'Refused by the test server') as Error & {
                responseCode: number;
              };
              error.responseCode = behaviour.refuse;
              return callback(error);
            }
            const mail = { envelopeTo: session.envelope.rcptTo.map((r) => r.address), parsed };
            this.received.push(mail);
            await this.onReceived?.(mail);
            callback();
          })
          .catch(callback);
      },
    });
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      this.server!.listen(this.port, '127.0.0.1', () => resolve());
      this.server!.once('error', reject);
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Waits for a message that matches (fails after `ms`). */
  async waitForOne(match: (mail: ReceivedMail) => boolean, ms = 15_000): Promise<ReceivedMail> {
    for (const start = Date.now(); Date.now() - start < ms; await sleep(50)) {
      const found = this.received.find(match);
      if (found) return found;
    }
    throw new Error(`no matching message within ${ms} ms among ${this.received.length}`);
  }

  /** Waits until `count` messages have arrived (fails after `ms`). */
  async waitFor(count: number, ms = 15_000): Promise<ReceivedMail[]> {
    for (const start = Date.now(); Date.now() - start < ms; await sleep(50)) {
      if (this.received.length >= count) return this.received;
    }
    throw new Error(`expected ${count} message(s) within ${ms} ms, got ${this.received.length}`);
  }
}
