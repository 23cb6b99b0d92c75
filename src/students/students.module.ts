import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TermsModule } from '../terms/terms.module';
import { Student } from './entities/student.entity';
import { StudentsController } from './students.controller';
import { StudentsService } from './students.service';

@Module({
  imports: [TypeOrmModule.forFeature([Student]), TermsModule],
  controllers: [StudentsController],
  exports: [StudentsService],
  providers: [StudentsService],
})
export class StudentsModule {}
