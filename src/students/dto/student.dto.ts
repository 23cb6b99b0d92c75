import { PartialType } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { StudentFieldsDto } from './student-fields.dto';

export class CreateStudentDto extends StudentFieldsDto {
  @IsUUID()
  universityId: string;
}

/** Every field may be left out; none may be set to null. */
export class UpdateStudentDto extends PartialType(StudentFieldsDto, { skipNullProperties: false }) {}

export class ImportQueryDto {
  @IsUUID()
  universityId: string;
}
