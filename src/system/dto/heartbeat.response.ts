import { Heartbeat } from '../entities/heartbeat.entity';

export class HeartbeatResponse {
  id: string;
  status: 'queued' | 'done';
  backend: string;
  requestedAt: Date;
  processedAt: Date | null;
  processedBy: string | null;

  static of(heartbeat: Heartbeat): HeartbeatResponse {
    return {
      id: heartbeat.id,
      status: heartbeat.processedAt ? 'done' : 'queued',
      backend: heartbeat.backend,
      requestedAt: heartbeat.requestedAt,
      processedAt: heartbeat.processedAt,
      processedBy: heartbeat.processedBy,
    };
  }
}
