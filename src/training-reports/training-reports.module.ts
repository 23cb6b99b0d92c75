import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TrainingReport } from './entities/training-report.entity';
import { TrainingReportsController } from './training-reports.controller';
import { TrainingReportsService } from './training-reports.service';

@Module({
  imports: [TypeOrmModule.forFeature([TrainingReport])],
  controllers: [TrainingReportsController],
  exports: [TrainingReportsService],
  providers: [TrainingReportsService],
})
export class TrainingReportsModule {}
