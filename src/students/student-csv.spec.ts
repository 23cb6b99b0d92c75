import { parseStudentCsv } from './student-csv';

/** A problem as the API gives it (the Swedish text is the page's). */
const api = ({ sv: _, ...problem }: { sv: string }) => problem;

const DISTRICTS = [
  { id: '11111111-1111-4111-8111-111111111111', code: 'bromma', name: 'Bromma' },
  { id: '22222222-2222-4222-8222-222222222222', code: 'sodermalm', name: 'Södermalm' },
];
const HEADER = 'name,email,studentRef,field1,field2,field3,district1,district2,district3,needsExtraSupport';

describe('parseStudentCsv', () => {
  it('reads fields and districts by code or Swedish name, and ja/nej', () => {
    const { students, problems } = parseStudentCsv(
      `${HEADER}\nAda Svensson,Ada@Student.se,SU-1,children_youth,Äldreomsorg,,Bromma,sodermalm,,ja\nBo Ek,bo@student.se,SU-2,missbruk,,,,,,nej\n`,
      DISTRICTS,
    );
    expect(problems).toEqual([]);
    expect(students.map((s) => ({ row: s.row, ...s.student }))).toEqual([
      {
        row: 2,
        name: 'Ada Svensson',
        email: 'ada@student.se',
        studentRef: 'SU-1',
        fieldPreferences: ['children_youth', 'elderly'],
        districtPreferences: [DISTRICTS[0].id, DISTRICTS[1].id],
        needsExtraSupport: true,
      },
      {
        row: 3,
        name: 'Bo Ek',
        email: 'bo@student.se',
        studentRef: 'SU-2',
        fieldPreferences: ['substance_abuse'],
        districtPreferences: [],
        needsExtraSupport: false,
      },
    ]);
  });

  it('takes what spreadsheets write: a BOM, semicolons, CRLF, quoted commas', () => {
    const csv = `\uFEFF${HEADER.replaceAll(',', ';')}\r\n"Svensson, Ada";ada@student.se;SU-1;elderly;;;;;;\r\n`;
    const { students, problems } = parseStudentCsv(csv, DISTRICTS);
    expect(problems).toEqual([]);
    expect(students[0].student.name).toBe('Svensson, Ada');
  });

  it('names row, column and reason for every bad value, the header being row 1', () => {
    const { students, problems } = parseStudentCsv(
      `${HEADER}\nAda,not-an-email,SU-1,children_youth,,,,,,\n,ada@x.se,SU-2,gardening,,,Atlantis,,,kanske\nCia,cia@x.se,19990101-1234,elderly,elderly,,,,,\nDan,dan@x.se,SU-4,,,,,,,\n`,
      DISTRICTS,
    );
    expect(students).toEqual([]);
    expect(problems.map(api)).toEqual([
      { row: 2, field: 'email', code: 'isEmail', params: { property: 'email' }, message: 'email must be an email' },
      {
        row: 3,
        field: 'field1',
        code: 'csv_unknown_field',
        params: { value: 'gardening' },
        message: '"gardening" is not a known field',
      },
      {
        row: 3,
        field: 'district1',
        code: 'csv_unknown_district',
        params: { value: 'Atlantis' },
        message: '"Atlantis" is not a known district',
      },
      {
        row: 3,
        field: 'needsExtraSupport',
        code: 'csv_not_yes_no',
        params: { value: 'kanske' },
        message: 'must be ja or nej',
      },
      {
        row: 3,
        field: 'name',
        code: 'student_name_required',
        params: { property: 'name', min: 1 },
        message: 'name is required',
      },
      {
        row: 4,
        field: 'studentRef',
        code: 'student_ref_personal_number',
        params: { property: 'studentRef' },
        message: 'studentRef must not be a personal identity number',
      },
      {
        row: 4,
        field: 'field1',
        code: 'field_preferences_repeated',
        params: { property: 'fieldPreferences' },
        message: 'fieldPreferences lists a field twice',
      },
      {
        row: 5,
        field: 'field1',
        code: 'field_preferences_required',
        params: { property: 'fieldPreferences', min: 1 },
        message: 'fieldPreferences needs at least one field',
      },
    ]);
    expect(problems.find((p) => p.code === 'csv_not_yes_no')?.sv).toBe('Skriv ja eller nej, inte "kanske".');
  });

  it('refuses a file without the expected header or without rows', () => {
    expect(parseStudentCsv('namn,epost\nAda,ada@x.se\n', DISTRICTS).problems).toEqual([
      expect.objectContaining({
        row: 1,
        field: 'header',
        code: 'csv_missing_columns',
        message: expect.stringContaining('missing name, email, studentRef'),
      }),
    ]);
    expect(
      parseStudentCsv(`${HEADER.replace(',needsExtraSupport', '')}\nAda,ada@x.se,SU-1,elderly,,,,,\n`, DISTRICTS)
        .problems[0].sv,
    ).toBe('Första raden ska vara kolumnernas rubriker. Rubriken needsExtraSupport saknas.');
    expect(parseStudentCsv(`${HEADER}\n`, DISTRICTS).problems.map(api)).toEqual([
      { row: 2, field: 'file', code: 'csv_no_students', params: {}, message: 'has no students' },
    ]);
  });

  it('names every cell holding a NUL, by row and heading, and reads no student', () => {
    const { students, problems } = parseStudentCsv(
      `${HEADER}\nAda\u0000,ada@student.se,SU-1,elderly,,,,,,nej\nBo Ek,bo@student.se,SU-\u00002,elderly,,,,,,nej\n`,
      DISTRICTS,
    );
    expect(students).toEqual([]);
    expect(problems.map(api)).toEqual([
      {
        row: 2,
        field: 'name',
        code: 'ill_formed_text',
        params: { property: 'name' },
        message: 'name must be well-formed Unicode text without NUL characters',
      },
      {
        row: 3,
        field: 'studentRef',
        code: 'ill_formed_text',
        params: { property: 'studentRef' },
        message: 'studentRef must be well-formed Unicode text without NUL characters',
      },
    ]);
  });
});
