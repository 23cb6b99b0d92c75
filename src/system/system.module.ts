import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { Heartbeat } from './entities/heartbeat.entity';
import { HeartbeatsService } from './heartbeats.service';
import { HousekeepingService } from './housekeeping.service';
import { SystemController } from './system.controller';
import { SystemProcessor } from './system.processor';

@Module({})
export class SystemModule {
  static forRoot(options: { worker: boolean }): DynamicModule {
    return {
      module: SystemModule,
      imports: [TypeOrmModule.forFeature([Heartbeat]), AuthModule],
      controllers: [SystemController],
      providers: [HeartbeatsService, HousekeepingService, ...(options.worker ? [SystemProcessor] : [])],
    };
  }
}
