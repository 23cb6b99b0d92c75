import { DynamicModule, Module } from '@nestjs/common';
import { PrivacyController } from './privacy.controller';
import { PrivacyProcessor } from './privacy.processor';
import { PrivacyService } from './privacy.service';

@Module({})
export class PrivacyModule {
  static forRoot(options: { worker: boolean }): DynamicModule {
    return {
      module: PrivacyModule,
      controllers: [PrivacyController],
      providers: [PrivacyService, ...(options.worker ? [PrivacyProcessor] : [])],
    };
  }
}
