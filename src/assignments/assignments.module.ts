import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BalanceModule } from '../balance/balance.module';
import { TermsModule } from '../terms/terms.module';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsService } from './assignments.service';
import { Assignment } from './entities/assignment.entity';
import { PublicationService } from './publication.service';

@Module({
  imports: [TypeOrmModule.forFeature([Assignment]), TermsModule, BalanceModule],
  controllers: [AssignmentsController],
  providers: [AssignmentsService, PublicationService],
  exports: [AssignmentsService, PublicationService],
})
export class AssignmentsModule {}
