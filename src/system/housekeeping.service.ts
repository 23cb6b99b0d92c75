import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/time/clock';

/** Sign-in attempts, heartbeats and expired sessions are only needed for a while; this keeps the tables small. */
export const HOUSEKEEPING_RETENTION_DAYS = 30;

/** What `DataSource.query` gives for a DELETE on PostgreSQL: the rows and their count. */
type Deleted = [unknown[], number | undefined];

@Injectable()
export class HousekeepingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async purge(now = this.clock.now()): Promise<{ loginAttempts: number; heartbeats: number; sessions: number }> {
    const cutoff = new Date(now.getTime() - HOUSEKEEPING_RETENTION_DAYS * 24 * 3600 * 1000);
    const attempts: Deleted = await this.dataSource.query('DELETE FROM login_attempts WHERE attempted_at < $1', [
      cutoff,
    ]);
    const heartbeats: Deleted = await this.dataSource.query('DELETE FROM heartbeats WHERE requested_at < $1', [cutoff]);
    // Browser sessions past their expiry are dead already; this only tidies the table.
    const sessions: Deleted = await this.dataSource.query('DELETE FROM web_sessions WHERE expires_at < $1', [now]);
    return { loginAttempts: attempts[1] ?? 0, heartbeats: heartbeats[1] ?? 0, sessions: sessions[1] ?? 0 };
  }
}
