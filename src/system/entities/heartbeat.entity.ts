import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A no-op job's trace: proves that the queue and a worker answer, on either backend. */
@Entity('heartbeats')
export class Heartbeat {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  requestedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  /** host:pid of the worker that ran it. */
  @Column({ type: 'text', nullable: true })
  processedBy: string | null;

  @Column({ type: 'text' })
  backend: string;
}
