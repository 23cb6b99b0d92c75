import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { FIELDS } from '../fields/fields';
import { StudentFieldsDto } from './dto/student-fields.dto';

/** The columns of a student import file, in the order API.md gives (header required). */
export const STUDENT_CSV_COLUMNS = [
  'name', 'email', 'studentRef', 'field1', 'field2', 'field3', 'district1', 'district2', 'district3', 'needsExtraSupport',
] as const;

export interface CsvProblem {
  /** The line in the file as a spreadsheet shows it: the header is row 1. */
  row: number;
  field: string;
  message: string;
}

export interface CsvStudent {
  row: number;
  student: StudentFieldsDto;
}

export interface DistrictRef {
  id: string;
  code: string;
  name: string;
}

const YES = ['ja', 'j', 'yes', 'y', 'true', '1', 'x'];
const NO = ['nej', 'n', 'no', 'false', '0', ''];
const norm = (value: string) => value.trim().toLocaleLowerCase('sv');

/**
 * Reads a student import file into students and the problems of every bad row. Accepts what
 * spreadsheets write: a UTF-8 BOM, comma or semicolon separators, fields and districts by code
 * or by name (Swedish), "ja"/"nej" for extra support.
 */
export function parseStudentCsv(text: string, districts: readonly DistrictRef[]): { students: CsvStudent[]; problems: CsvProblem[] } {
  const body = text.replace(/^\uFEFF/, '');
  const headerLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = headerLine.includes(';') && !headerLine.includes(',') ? ';' : ',';
  let records: string[][];
  try {
    records = parse(body, { delimiter, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { students: [], problems: [{ row: line, field: 'file', message: `cannot be read as CSV: ${(error as Error).message}` }] };
  }
  const [header, ...rows] = records;
  const missing = STUDENT_CSV_COLUMNS.filter((column) => !header?.includes(column));
  if (!header || missing.length) {
    return { students: [], problems: [{ row: 1, field: 'header', message: `must name the columns ${STUDENT_CSV_COLUMNS.join(',')}; missing ${missing.join(', ')}` }] };
  }
  if (!rows.length) return { students: [], problems: [{ row: 2, field: 'file', message: 'has no students' }] };

  const fieldOf = new Map(FIELDS.flatMap((f) => [[norm(f.code), f.code], [norm(f.nameSv), f.code], [norm(f.nameEn), f.code]]));
  const districtOf = new Map(districts.flatMap((d) => [[norm(d.id), d.id], [norm(d.code), d.id], [norm(d.name), d.id]]));
  const students: CsvStudent[] = [];
  const problems: CsvProblem[] = [];

  rows.forEach((cells, index) => {
    const row = index + 2;
    const value = (column: string) => cells[header.indexOf(column)] ?? '';
    const rowProblems: CsvProblem[] = [];
    const lookUp = (columns: string[], map: Map<string, string>, what: string) =>
      columns
        .filter((column) => value(column) !== '')
        .map((column) => {
          const found = map.get(norm(value(column)));
          if (!found) rowProblems.push({ row, field: column, message: `"${value(column)}" is not a known ${what}` });
          return found;
        })
        .filter((id): id is string => id !== undefined);
    const fieldPreferences = lookUp(['field1', 'field2', 'field3'], fieldOf, 'field');
    const districtPreferences = lookUp(['district1', 'district2', 'district3'], districtOf, 'district');
    const support = norm(value('needsExtraSupport'));
    if (!YES.includes(support) && !NO.includes(support)) rowProblems.push({ row, field: 'needsExtraSupport', message: 'must be ja or nej' });

    const student = plainToInstance(StudentFieldsDto, {
      name: value('name'),
      email: value('email'),
      studentRef: value('studentRef'),
      fieldPreferences,
      districtPreferences,
      needsExtraSupport: YES.includes(support),
    });
    for (const error of validateSync(student, { forbidUnknownValues: false })) {
      // Preferences were looked up column by column above; name the first column for the rest.
      const field = error.property === 'fieldPreferences' ? 'field1' : error.property === 'districtPreferences' ? 'district1' : error.property;
      if (!rowProblems.some((p) => p.field === field)) rowProblems.push({ row, field, message: Object.values(error.constraints ?? {}).join('; ') });
    }
    if (rowProblems.length) problems.push(...rowProblems);
    else students.push({ row, student });
  });
  return { students, problems };
}
