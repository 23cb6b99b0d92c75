import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssignmentsModule } from '../assignments/assignments.module';
import { BalanceModule } from '../balance/balance.module';
import { TermsModule } from '../terms/terms.module';
import { AllocationController } from './allocation.controller';
import { AllocationRunSweeper } from './allocation-run-sweeper.service';
import { AllocationProcessor } from './allocation.processor';
import { AllocationService } from './allocation.service';
import { AllocationRun } from './entities/allocation-run.entity';

@Module({})
export class AllocationModule {
  static forRoot(options: { worker: boolean }): DynamicModule {
    return {
      module: AllocationModule,
      imports: [TypeOrmModule.forFeature([AllocationRun]), TermsModule, BalanceModule, AssignmentsModule],
      controllers: [AllocationController],
      exports: [AllocationService],
      providers: [AllocationService, ...(options.worker ? [AllocationProcessor, AllocationRunSweeper] : [])],
    };
  }
}
