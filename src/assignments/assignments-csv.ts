import { writeCsv } from '../common/export/csv';
import { AssignmentResponse } from './dto/assignment.dto';

const COLUMNS: (keyof AssignmentResponse)[] = [
  'id',
  'studentId',
  'studentName',
  'universityId',
  'offerId',
  'districtId',
  'unitName',
  'field',
  'supervisorId',
  'supervisorName',
  'supervisorEmail',
  'status',
  'cost',
];

/** Placements as CSV (API and pages alike). */
export function assignmentsCsv(rows: AssignmentResponse[]): string {
  return writeCsv(rows, COLUMNS);
}
