import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobName, QueueName } from '../jobs/job-types';

/** Sign-in attempts and heartbeats are only needed for a while; this keeps the tables small. */
export const HOUSEKEEPING_RETENTION_DAYS = 30;
export const HOUSEKEEPING_SCHEDULER_ID = 'daily-housekeeping';

@Injectable()
export class HousekeepingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.System) private readonly queue: Queue,
  ) {}

  /** Every night at 03:15 Stockholm time; upserting keeps one scheduler however many workers start. */
  async schedule(): Promise<void> {
    await this.queue.upsertJobScheduler(
      HOUSEKEEPING_SCHEDULER_ID,
      { pattern: '15 3 * * *', tz: 'Europe/Stockholm' },
      { name: JobName.Housekeeping, data: {} },
    );
  }

  async purge(now = new Date()): Promise<{ loginAttempts: number; heartbeats: number }> {
    const cutoff = new Date(now.getTime() - HOUSEKEEPING_RETENTION_DAYS * 24 * 3600 * 1000);
    const attempts = await this.dataSource.query('DELETE FROM login_attempts WHERE attempted_at < $1', [cutoff]);
    const heartbeats = await this.dataSource.query('DELETE FROM heartbeats WHERE requested_at < $1', [cutoff]);
    return { loginAttempts: attempts[1] ?? 0, heartbeats: heartbeats[1] ?? 0 };
  }
}
