import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StudentRequest } from './entities/student-request.entity';
import { StudentRequestsController } from './student-requests.controller';
import { StudentRequestsService } from './student-requests.service';

@Module({
  imports: [TypeOrmModule.forFeature([StudentRequest])],
  controllers: [StudentRequestsController],
  exports: [StudentRequestsService],
  providers: [StudentRequestsService],
})
export class StudentRequestsModule {}
