import { Module } from '@nestjs/common';
import { BalanceModule } from '../balance/balance.module';
import { TermsModule } from '../terms/terms.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [TermsModule, BalanceModule],
  controllers: [ReportsController],
  exports: [ReportsService],
  providers: [ReportsService],
})
export class ReportsModule {}
