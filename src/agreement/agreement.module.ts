import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgreementController } from './agreement.controller';
import { AgreementService } from './agreement.service';
import { AgreementApproval, AgreementParty, AgreementVersion } from './entities/agreement.entity';

@Module({
  imports: [TypeOrmModule.forFeature([AgreementParty, AgreementVersion, AgreementApproval])],
  controllers: [AgreementController],
  exports: [AgreementService],
  providers: [AgreementService],
})
export class AgreementModule {}
