import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OffersModule } from '../offers/offers.module';
import { Supervisor } from './entities/supervisor.entity';
import { SupervisorsController } from './supervisors.controller';
import { SupervisorsService } from './supervisors.service';

@Module({
  imports: [TypeOrmModule.forFeature([Supervisor]), OffersModule],
  controllers: [SupervisorsController],
  exports: [SupervisorsService],
  providers: [SupervisorsService],
})
export class SupervisorsModule {}
