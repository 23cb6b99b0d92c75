import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { LessThan, Repository } from 'typeorm';
import { Actor } from '../../common/auth/role';
import { Clock } from '../../common/time/clock';
import type { User } from '../../users/entities/user.entity';
import { UsersService } from '../../users/users.service';
import { WebSession } from './web-session.entity';

export const SESSION_COOKIE = 'vfu_session';
/** Before sign-in the form's CSRF token is checked against this cookie (double submit). */
export const PRE_SESSION_CSRF_COOKIE = 'vfu_csrf';
/** A working day without signing in again; each request slides it on. */
export const SESSION_IDLE_MS = 8 * 3600_000;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface ResolvedSession {
  actor: Actor;
  user: User;
  csrfToken: string;
  /** A confirmation the last form left for the next page (see `flash`). */
  flash: string | null;
}

/** Browser sessions: server-side, revocable, tied to the user's token version. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(WebSession) private readonly sessions: Repository<WebSession>,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  /** Starts a session for a signed-in user; returns the cookie's token. */
  async start(user: User): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.sessions.insert({
      id: hash(token),
      userId: user.id,
      csrfToken: randomBytes(24).toString('base64url'),
      tokenVersion: user.tokenVersion,
      expiresAt: new Date(this.clock.now().getTime() + SESSION_IDLE_MS),
    });
    return token;
  }

  /** The session behind a cookie, or null when it is unknown, expired, or its user is no longer good. */
  async resolve(token: string | undefined): Promise<ResolvedSession | null> {
    if (!token || token.length > 100) return null;
    const session = await this.sessions.findOneBy({ id: hash(token) });
    const now = this.clock.now();
    if (!session || session.expiresAt <= now) return null;
    const user = await this.users.find(session.userId);
    if (!user || !user.active || user.tokenVersion !== session.tokenVersion) return null;
    // Slide the expiry, but write at most once a minute.
    if (session.expiresAt.getTime() - now.getTime() < SESSION_IDLE_MS - 60_000) {
      await this.sessions.update({ id: session.id }, { expiresAt: new Date(now.getTime() + SESSION_IDLE_MS) });
    }
    return {
      actor: { id: user.id, role: user.role, districtId: user.districtId, universityId: user.universityId },
      user,
      csrfToken: session.csrfToken,
      flash: session.flash,
    };
  }

  /** Leaves a confirmation on the session for the next page, which shows it once (then `clearFlash`). */
  async flash(token: string | undefined, text: string): Promise<void> {
    if (token) await this.sessions.update({ id: hash(token) }, { flash: text });
  }

  async clearFlash(token: string | undefined): Promise<void> {
    if (token) await this.sessions.update({ id: hash(token) }, { flash: null });
  }

  async end(token: string | undefined): Promise<void> {
    if (token) await this.sessions.delete({ id: hash(token) });
  }

  /** Whether a submitted form carries the session's CSRF token. */
  static csrfMatches(expected: string, given: unknown): boolean {
    if (typeof given !== 'string') return false;
    // Compared as bytes: a token of the right length in characters may be longer in bytes ("é").
    const [a, b] = [Buffer.from(given), Buffer.from(expected)];
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** Sessions past their expiry are dead already: removes them, returns how many. */
  async purgeExpired(now: Date): Promise<number> {
    return (await this.sessions.delete({ expiresAt: LessThan(now) })).affected ?? 0;
  }
}
