import { PartialType } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { StudentFieldsDto } from './student-fields.dto';

export class CreateStudentDto extends StudentFieldsDto {
  @IsUUID()
  universityId: string;
}

export class UpdateStudentDto extends PartialType(StudentFieldsDto) {}

export class ImportQueryDto {
  @IsUUID()
  universityId: string;
}
