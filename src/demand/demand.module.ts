import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TermsModule } from '../terms/terms.module';
import { DemandController } from './demand.controller';
import { DemandService } from './demand.service';
import { TermDemand } from './entities/term-demand.entity';

@Module({
  imports: [TypeOrmModule.forFeature([TermDemand]), TermsModule],
  controllers: [DemandController],
  exports: [DemandService],
  providers: [DemandService],
})
export class DemandModule {}
