import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { CodedSpec, FieldProblem, problem } from '../common/errors/error-spec';
import { InputErrors } from '../common/errors/input.errors';
import { toFieldProblems } from '../common/errors/validation';
import { isWellFormedText, MAX_INPUT_PROBLEMS } from '../common/http/input-text';
import { FIELDS } from '../fields/fields';
import { StudentFieldsDto } from './dto/student-fields.dto';
import { StudentsErrors } from './students.errors';

/** The columns of a student import file, in the order API.md gives (header required). */
export const STUDENT_CSV_COLUMNS = [
  'name',
  'email',
  'studentRef',
  'field1',
  'field2',
  'field3',
  'district1',
  'district2',
  'district3',
  'needsExtraSupport',
] as const;

/** A problem of the file; `row` is the line as a spreadsheet shows it: the header is row 1. */
export type CsvProblem = FieldProblem & { row: number };

const csvProblem = <P extends Record<string, unknown>>(spec: CodedSpec<P>, field: string, params: P, row: number) =>
  problem(spec, field, params, row) as CsvProblem;

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
export function parseStudentCsv(
  text: string,
  districts: readonly DistrictRef[],
): { students: CsvStudent[]; problems: CsvProblem[] } {
  const body = text.replace(/^\uFEFF/, '');
  const headerLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = headerLine.includes(';') && !headerLine.includes(',') ? ';' : ',';
  let records: string[][];
  try {
    records = parse(body, { delimiter, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      students: [],
      problems: [csvProblem(StudentsErrors.csv_unreadable, 'file', { reason: (error as Error).message }, line)],
    };
  }
  // A NUL or a lone surrogate in any cell, named by its column's heading (or number); nothing else is read.
  const columnName = (column: number) => {
    const heading = records[0]?.[column];
    return heading && isWellFormedText(heading) ? heading : String(column + 1);
  };
  const illFormed = records.flatMap((cells, index) =>
    cells.flatMap((cell, column) =>
      isWellFormedText(cell)
        ? []
        : [csvProblem(InputErrors.ill_formed_text, columnName(column), { property: columnName(column) }, index + 1)],
    ),
  );
  if (illFormed.length) return { students: [], problems: illFormed.slice(0, MAX_INPUT_PROBLEMS) };
  const [header, ...rows] = records;
  const missing = STUDENT_CSV_COLUMNS.filter((column) => !header?.includes(column));
  if (!header || missing.length) {
    return {
      students: [],
      problems: [
        csvProblem(StudentsErrors.csv_missing_columns, 'header', { columns: [...STUDENT_CSV_COLUMNS], missing }, 1),
      ],
    };
  }
  if (!rows.length) return { students: [], problems: [csvProblem(StudentsErrors.csv_no_students, 'file', {}, 2)] };

  const fieldOf = new Map(
    FIELDS.flatMap((f) => [
      [norm(f.code), f.code],
      [norm(f.nameSv), f.code],
      [norm(f.nameEn), f.code],
    ]),
  );
  const districtOf = new Map(
    districts.flatMap((d) => [
      [norm(d.id), d.id],
      [norm(d.code), d.id],
      [norm(d.name), d.id],
    ]),
  );
  const students: CsvStudent[] = [];
  const problems: CsvProblem[] = [];

  rows.forEach((cells, index) => {
    const row = index + 2;
    const value = (column: string) => cells[header.indexOf(column)] ?? '';
    const rowProblems: CsvProblem[] = [];
    const lookUp = (columns: string[], map: Map<string, string>, unknown: CodedSpec<{ value: string }>) =>
      columns
        .filter((column) => value(column) !== '')
        .map((column) => {
          const found = map.get(norm(value(column)));
          if (!found) rowProblems.push(csvProblem(unknown, column, { value: value(column) }, row));
          return found;
        })
        .filter((id): id is string => id !== undefined);
    const fieldPreferences = lookUp(['field1', 'field2', 'field3'], fieldOf, StudentsErrors.csv_unknown_field);
    const districtPreferences = lookUp(
      ['district1', 'district2', 'district3'],
      districtOf,
      StudentsErrors.csv_unknown_district,
    );
    const support = norm(value('needsExtraSupport'));
    if (!YES.includes(support) && !NO.includes(support))
      rowProblems.push(
        csvProblem(StudentsErrors.csv_not_yes_no, 'needsExtraSupport', { value: value('needsExtraSupport') }, row),
      );

    const student = plainToInstance(StudentFieldsDto, {
      name: value('name'),
      email: value('email'),
      studentRef: value('studentRef'),
      fieldPreferences,
      districtPreferences,
      needsExtraSupport: YES.includes(support),
    });
    for (const fieldProblem of toFieldProblems(validateSync(student, { forbidUnknownValues: false }))) {
      // Preferences were looked up column by column above; name the first column for the rest.
      const field =
        fieldProblem.field === 'fieldPreferences'
          ? 'field1'
          : fieldProblem.field === 'districtPreferences'
            ? 'district1'
            : fieldProblem.field;
      if (!rowProblems.some((p) => p.field === field)) rowProblems.push({ ...fieldProblem, field, row });
    }
    if (rowProblems.length) problems.push(...rowProblems);
    else students.push({ row, student });
  });
  return { students, problems };
}
