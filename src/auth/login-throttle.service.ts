import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, LessThan, Repository } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { Clock } from '../common/time/clock';
import { AppConfig } from '../config/app-config';
import { AuthErrors } from './auth.errors';
import { LoginAttempt } from './entities/login-attempt.entity';

// The two-key advisory locks of sign-in (their own key space): one per address, one per client.
const LOCK_EMAIL = 1_001;
const LOCK_CLIENT = 1_002;

/** When each limit that holds for an attempt lets it through again (null: the limit does not hold). */
interface Limits {
  pair: Date | null;
  client: Date | null;
  account: Date | null;
  trusted: boolean;
}

/**
 * Sign-in throttling, counted in PostgreSQL so it holds across every API instance (README,
 * "Sign-in throttling"). Failures are counted per client for each address, per client across
 * addresses, and per address across clients; the last only slows clients down that have never
 * signed in to the address, so a guesser cannot lock its owner out.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectRepository(LoginAttempt) private readonly attempts: Repository<LoginAttempt>,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Lets an attempt through, or refuses it with a 429 saying how long to wait. The attempt is
   * recorded as failed at once, under a lock on the address and the client, so that guesses sent
   * in parallel are counted before any of them is checked; `succeeded` then marks it good.
   * Returns the attempt's id.
   */
  async admit(email: string, ip: string): Promise<string> {
    return this.attempts.manager.transaction(async (manager) => {
      // Always the address first, then the client: no two sign-ins wait for each other in a circle.
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_EMAIL, email]);
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_CLIENT, ip]);
      const now = this.clock.now();
      const until = latest(await this.limits(manager, email, ip, now));
      if (until && until > now) {
        throw AppError.of(AuthErrors.too_many_attempts, {
          seconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
        });
      }
      const [{ id }]: { id: string }[] = await manager.query(
        `INSERT INTO login_attempts (email, ip, succeeded, attempted_at) VALUES ($1, $2, false, $3) RETURNING id`,
        [email, ip, now],
      );
      return id;
    });
  }

  /** The attempt had the right password: it counts for nothing, and its client is known to the address. */
  async succeeded(attemptId: string): Promise<void> {
    await this.attempts.update({ id: attemptId }, { succeeded: true });
  }

  /** Sign-in attempts older than `cutoff` count for nothing any more: removes them, returns how many. */
  async purgeBefore(cutoff: Date): Promise<number> {
    return (await this.attempts.delete({ attemptedAt: LessThan(cutoff) })).affected ?? 0;
  }

  /**
   * Each limit as the moment it stops holding. A count reaches its limit while its limit-th
   * newest failure is inside the window, so it clears when that failure leaves the window.
   */
  private async limits(manager: EntityManager, email: string, ip: string, now: Date): Promise<Limits> {
    const env = this.config.env;
    const [row]: { pair: Date | null; client: Date | null; account: Date | null; trusted: boolean }[] =
      await manager.query(
        `WITH params AS (
           SELECT $3::timestamptz - make_interval(secs => $4) AS since,
                  (SELECT max(attempted_at) FROM login_attempts
                    WHERE email = $1 AND ip = $2 AND succeeded) AS last_success
         )
         SELECT
           (SELECT f.attempted_at FROM login_attempts f
             WHERE f.email = $1 AND f.ip = $2 AND NOT f.succeeded
               AND f.attempted_at > greatest(p.since, coalesce(p.last_success, '-infinity'))
             ORDER BY f.attempted_at DESC OFFSET $5 - 1 LIMIT 1) + make_interval(secs => $4) AS pair,
           (SELECT f.attempted_at FROM login_attempts f
             WHERE f.ip = $2 AND NOT f.succeeded AND f.attempted_at > p.since
             ORDER BY f.attempted_at DESC OFFSET $6 - 1 LIMIT 1) + make_interval(secs => $4) AS client,
           CASE WHEN EXISTS (SELECT 1 FROM login_attempts f
                              WHERE f.email = $1 AND NOT f.succeeded AND f.attempted_at > p.since
                              OFFSET $7 - 1 LIMIT 1)
                THEN (SELECT max(f.attempted_at) FROM login_attempts f
                       WHERE f.email = $1 AND NOT f.succeeded) + make_interval(secs => $8)
           END AS account,
           p.last_success IS NOT NULL AS trusted
         FROM params p`,
        [
          email,
          ip,
          now,
          env.LOGIN_WINDOW_SECONDS,
          env.LOGIN_MAX_FAILURES,
          env.LOGIN_CLIENT_MAX_FAILURES,
          env.LOGIN_SLOWDOWN_AFTER,
          env.LOGIN_SLOWDOWN_SECONDS,
        ],
      );
    return row;
  }
}

/**
 * When an attempt is let through again: every limit that holds must have cleared. A client that
 * has signed in to the address before answers to its own count for it alone: a spray from its
 * network or a guesser elsewhere does not keep the owner out.
 */
function latest({ pair, client, account, trusted }: Limits): Date | null {
  const holding = trusted ? [pair] : [pair, client, account];
  const times = holding.filter((t): t is Date => t !== null).map((t) => new Date(t).getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}
