import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { JobHandlerCheck } from './handler-check';
import { JobQueueService } from './job-queue.service';
import { JobSchedulesKeeper } from './job-schedules.keeper';
import { QueueName } from './job-types';
import { configureWorkers, queueConnection } from './queue-connection';

@Global()
@Module({})
export class JobsModule {
  static forRoot(options: { worker: boolean }): DynamicModule {
    return {
      module: JobsModule,
      imports: [
        DiscoveryModule,
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => {
            // Runs before the workers are created (they are made when the modules initialise).
            configureWorkers(config);
            return { connection: queueConnection(config) as never, prefix: config.env.QUEUE_PREFIX };
          },
        }),
        BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
      ],
      providers: [JobQueueService, ...(options.worker ? [JobHandlerCheck, JobSchedulesKeeper] : [])],
      exports: [JobQueueService, BullModule],
    };
  }
}
