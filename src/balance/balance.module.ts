import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TermsModule } from '../terms/terms.module';
import { BalanceController } from './balance.controller';
import { BalanceService } from './balance.service';
import { QuotaOverride } from './entities/quota-override.entity';

@Module({
  imports: [TypeOrmModule.forFeature([QuotaOverride]), TermsModule],
  controllers: [BalanceController],
  providers: [BalanceService],
  exports: [BalanceService],
})
export class BalanceModule {}
