import { stringify } from 'csv-stringify/sync';
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

/** Placements as CSV, with a BOM so spreadsheet programs read the Swedish letters right. */
export function assignmentsCsv(rows: AssignmentResponse[]): string {
  return '\uFEFF' + stringify(rows, { header: true, columns: COLUMNS });
}
