import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import { DataSource, IsNull, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { Clock } from '../common/time/clock';
import { AppConfig } from '../config/app-config';
import { JobQueueService } from '../jobs/job-queue.service';
import { JobName } from '../jobs/job-types';
import { Heartbeat } from './entities/heartbeat.entity';

@Injectable()
export class HeartbeatsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Heartbeat) private readonly heartbeats: Repository<Heartbeat>,
    private readonly audit: AuditService,
    private readonly jobs: JobQueueService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async request(actor: Actor): Promise<Heartbeat> {
    const heartbeat = await this.dataSource.transaction(async (manager) => {
      const row = manager.create(Heartbeat, { requestedBy: actor.id, backend: this.config.queueBackend });
      await manager.insert(Heartbeat, row);
      await this.audit.record(manager, actor, {
        action: 'heartbeat.requested',
        entityType: 'heartbeat',
        entityId: row.id,
      });
      return row;
    });
    await this.jobs.enqueue(JobName.Heartbeat, { heartbeatId: heartbeat.id }, { jobId: `heartbeat-${heartbeat.id}` });
    return heartbeat;
  }

  async get(id: string): Promise<Heartbeat> {
    const heartbeat = await this.heartbeats.findOneBy({ id });
    if (!heartbeat) throw AppError.notFound('heartbeat');
    return heartbeat;
  }

  /** The job: marks the heartbeat as seen by this worker; a repeat run changes nothing. */
  async beat(id: string): Promise<void> {
    await this.heartbeats.update(
      { id, processedAt: IsNull() },
      { processedAt: this.clock.now(), processedBy: `${hostname()}:${process.pid}` },
    );
  }
}
