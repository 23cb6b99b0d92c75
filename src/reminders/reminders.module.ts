import { DynamicModule, Module } from '@nestjs/common';
import { BalanceModule } from '../balance/balance.module';
import { TermsModule } from '../terms/terms.module';
import { RemindersController } from './reminders.controller';
import { RemindersProcessor } from './reminders.processor';
import { RemindersService } from './reminders.service';

@Module({})
export class RemindersModule {
  static forRoot(options: { worker: boolean }): DynamicModule {
    return {
      module: RemindersModule,
      imports: [TermsModule, BalanceModule],
      controllers: [RemindersController],
      exports: [RemindersService],
      providers: [RemindersService, ...(options.worker ? [RemindersProcessor] : [])],
    };
  }
}
