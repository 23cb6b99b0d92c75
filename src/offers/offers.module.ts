import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TermsModule } from '../terms/terms.module';
import { CoverageService } from './coverage.service';
import { PlacementOffer } from './entities/placement-offer.entity';
import { OffersController } from './offers.controller';
import { OffersService } from './offers.service';

@Module({
  imports: [TypeOrmModule.forFeature([PlacementOffer]), TermsModule],
  controllers: [OffersController],
  providers: [OffersService, CoverageService],
  exports: [OffersService, CoverageService],
})
export class OffersModule {}
