import { Transform } from 'class-transformer';
import { IsBooleanString, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate, IsOptionalNotNull } from '../../common/http/validators';
import { trim, trimLower } from '../../common/http/transforms';
import { StudentRequest } from '../entities/student-request.entity';
import { StudentRequestStatus } from '../student-request-status';
import { PageQueryDto } from '../../common/http/page-query.dto';

export class CreateStudentRequestDto {
  /** The contact's own district; the coordinator names one. */
  @IsOptionalNotNull()
  @IsUUID()
  districtId?: string;

  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  studentName: string;

  @Transform(trimLower)
  @IsEmail()
  @MaxLength(254)
  studentEmail: string;

  /** The student's university among the partners; leave out to send to all three. */
  @IsOptional()
  @IsUUID()
  universityId?: string;

  /** A university elsewhere in Sweden, when the student studies there. */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  otherUniversity?: string;

  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  message: string;

  /** When the district received it (YYYY-MM-DD); today if left out. */
  @IsOptionalNotNull()
  @IsCalendarDate()
  receivedOn?: string;
}

export class UpdateStudentRequestDto {
  /** answered (universities, the coordinator) or closed (the coordinator). */
  @IsIn([StudentRequestStatus.Answered, StudentRequestStatus.Closed])
  status: StudentRequestStatus.Answered | StudentRequestStatus.Closed;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  answer?: string;
}

export class StudentRequestQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(Object.values(StudentRequestStatus))
  status?: StudentRequestStatus;

  /** `true`: forwarded more than 14 days ago and not answered (the coordinator's follow-up list). */
  @IsOptional()
  @IsBooleanString()
  overdue?: string;
}

export class StudentRequestResponse {
  id: string;
  districtId: string;
  studentName: string;
  studentEmail: string;
  universityId: string | null;
  otherUniversity: string | null;
  message: string;
  receivedOn: string;
  status: StudentRequestStatus;
  forwardedAt: Date;
  answeredAt: Date | null;
  answer: string | null;
  closedAt: Date | null;
  /** Forwarded more than 14 days ago without an answer. */
  overdue: boolean;

  static of(r: StudentRequest, overdue: boolean): StudentRequestResponse {
    return {
      id: r.id,
      districtId: r.districtId,
      studentName: r.studentName,
      studentEmail: r.studentEmail,
      universityId: r.universityId,
      otherUniversity: r.otherUniversity,
      message: r.message,
      receivedOn: r.receivedOn,
      status: r.status,
      forwardedAt: r.forwardedAt,
      answeredAt: r.answeredAt,
      answer: r.answer,
      closedAt: r.closedAt,
      overdue,
    };
  }
}
