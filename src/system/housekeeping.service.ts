import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { LoginThrottleService } from '../auth/login-throttle.service';
import { SessionsService } from '../auth/sessions/sessions.service';
import { Clock } from '../common/time/clock';
import { Heartbeat } from './entities/heartbeat.entity';

/** Sign-in attempts, heartbeats and expired sessions are only needed for a while; this keeps the tables small. */
export const HOUSEKEEPING_RETENTION_DAYS = 30;

/** The nightly tidy-up: each table is emptied of old rows by the feature that owns it. */
@Injectable()
export class HousekeepingService {
  constructor(
    @InjectRepository(Heartbeat) private readonly heartbeats: Repository<Heartbeat>,
    private readonly loginThrottle: LoginThrottleService,
    private readonly sessions: SessionsService,
    private readonly clock: Clock,
  ) {}

  async purge(now = this.clock.now()): Promise<{ loginAttempts: number; heartbeats: number; sessions: number }> {
    const cutoff = new Date(now.getTime() - HOUSEKEEPING_RETENTION_DAYS * 24 * 3600 * 1000);
    const loginAttempts = await this.loginThrottle.purgeBefore(cutoff);
    const heartbeats = (await this.heartbeats.delete({ requestedAt: LessThan(cutoff) })).affected ?? 0;
    const sessions = await this.sessions.purgeExpired(now);
    return { loginAttempts, heartbeats, sessions };
  }
}
