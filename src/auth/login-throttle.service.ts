import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { AppError } from '../common/errors/app-error';
import { AuthErrors } from './auth.errors';
import { LoginAttempt } from './entities/login-attempt.entity';

// One address may carry many people (a university's NAT), so it gets a larger allowance.
const IP_ALLOWANCE_FACTOR = 4;

/**
 * Counts failed sign-ins per e-mail and per client address in PostgreSQL, so the limit holds
 * across every API instance. A success clears the e-mail's count.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectRepository(LoginAttempt) private readonly attempts: Repository<LoginAttempt>,
    private readonly config: AppConfig,
  ) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const window = this.config.env.LOGIN_WINDOW_SECONDS;
    const max = this.config.env.LOGIN_MAX_FAILURES;
    const [{ byEmail, byIp }]: { byEmail: string; byIp: string }[] = await this.attempts.query(
      `SELECT
         (SELECT count(*) FROM login_attempts f
           WHERE f.email = $1 AND NOT f.succeeded
             AND f.attempted_at > now() - make_interval(secs => $3)
             AND f.attempted_at > coalesce((SELECT max(s.attempted_at) FROM login_attempts s
                                           WHERE s.email = $1 AND s.succeeded), '-infinity')) AS "byEmail",
         (SELECT count(*) FROM login_attempts f
           WHERE f.ip = $2 AND NOT f.succeeded
             AND f.attempted_at > now() - make_interval(secs => $3)) AS "byIp"`,
      [email, ip, window],
    );
    if (Number(byEmail) >= max || Number(byIp) >= max * IP_ALLOWANCE_FACTOR) {
      throw AppError.of(AuthErrors.too_many_attempts, { minutes: Math.ceil(window / 60) });
    }
  }

  async record(email: string, ip: string, succeeded: boolean): Promise<void> {
    await this.attempts.insert({ email, ip, succeeded });
  }

  /** Sign-in attempts older than `cutoff` count for nothing any more: removes them, returns how many. */
  async purgeBefore(cutoff: Date): Promise<number> {
    return (await this.attempts.delete({ attemptedAt: LessThan(cutoff) })).affected ?? 0;
  }
}
