import { IntersectionType } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { FormatQueryDto } from '../../common/http/format-query.dto';
import { PageQueryDto } from '../../common/http/page-query.dto';
import { Field } from '../../fields/fields';
import { AssignmentStatus } from '../assignment-status';

/** A page of the placements, or with `format=csv` all of them (a download is the whole list). */
export class AssignmentQueryDto extends IntersectionType(PageQueryDto, FormatQueryDto) {}

export class CreateAssignmentDto {
  @IsUUID()
  studentId: string;

  @IsUUID()
  offerId: string;

  /** One of the supervisors named on the offer. */
  @IsUUID()
  supervisorId: string;
}

export class AssignmentResponse {
  id: string;
  studentId: string;
  studentName: string;
  universityId: string;
  offerId: string;
  districtId: string;
  unitName: string;
  field: Field;
  supervisorId: string;
  supervisorName: string;
  supervisorEmail: string;
  status: AssignmentStatus;
  /** Preference cost of the pair; null when placed outside the student's fields by hand. */
  cost: number | null;
}

export class PublishResponse {
  /** Placements published now. */
  published: number;
  termStatus: string;
  /** E-mails queued to contacts, university coordinators and supervisors. */
  notifications: number;
}
