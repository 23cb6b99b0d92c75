import { defineErrors, error } from '../common/errors/error-spec';
import { count, list, plural } from '../common/errors/swedish';
import { termStatusSv } from '../terms/terms.errors';

/** A studentRef taken already: one from the form, or some rows of an import file (listed in `details`). */
type DuplicateRef = { termCode: string; studentRef: string } | { termCode: string; rows: number };

export const StudentsErrors = defineErrors({
  duplicate_student_ref: error({
    status: 409,
    sample: { termCode: 'HT2026', studentRef: 'SU-1' } as DuplicateRef,
    message: (p) =>
      'rows' in p
        ? `${p.rows} student(s) are already registered; nothing was imported`
        : `A student with studentRef ${p.studentRef} is already registered for ${p.termCode}`,
    sv: (p) =>
      'rows' in p
        ? `${count(p.rows, 'student', 'studenter')} i filen är redan ${plural(p.rows, 'registrerad', 'registrerade')} för ${p.termCode}. Ingenting importerades.`
        : `En student med referensen ${p.studentRef} är redan registrerad för ${p.termCode}.`,
  }),
  registration_closed: error({
    status: 409,
    sample: { termCode: 'HT2026', status: 'published' },
    message: (p) =>
      `Students of ${p.termCode} can no longer be changed: the term is ${p.status}. Ask the central coordinator.`,
    sv: (p) =>
      `${p.termCode} är ${termStatusSv(p.status)}. Studenterna kan inte längre ändras för terminen. Kontakta den centrala samordnaren.`,
  }),
  student_placed: error({
    status: 409,
    sample: { studentName: 'Ada Svensson' },
    message: () => 'The student is placed; remove the placement first',
    sv: (p) => `${p.studentName} är placerad. Ta bort placeringen först.`,
  }),
  /** A field problem: a district both wished for and excluded. */
  district_preferred_and_excluded: error({
    status: 400,
    sample: { districtName: 'Bromma' },
    message: () => 'is also a preferred district',
    sv: (p) => `${p.districtName} kan inte både önskas och uteslutas.`,
  }),

  // The import file, problem by problem (each on its row).
  csv_unreadable: error({
    status: 400,
    sample: { reason: 'Invalid Closing Quote: got "x" at line 3 instead of delimiter' },
    message: (p) => `cannot be read as CSV: ${p.reason}`,
    sv: () => 'Filen kan inte läsas som CSV. Spara den som CSV från kalkylprogrammet och försök igen.',
  }),
  csv_missing_columns: error({
    status: 400,
    sample: { columns: ['name', 'email', 'studentRef'], missing: ['email', 'studentRef'] },
    message: (p) => `must name the columns ${p.columns.join(',')}; missing ${p.missing.join(', ')}`,
    sv: (p) =>
      p.missing.length === p.columns.length
        ? `Första raden ska vara kolumnernas rubriker: ${p.columns.join(', ')}.`
        : `Första raden ska vara kolumnernas rubriker. ${plural(p.missing.length, 'Rubriken', 'Rubrikerna')} ${list(p.missing)} saknas.`,
  }),
  csv_no_students: error({
    status: 400,
    sample: {},
    message: () => 'has no students',
    sv: () => 'Filen innehåller inga studenter.',
  }),
  csv_unknown_field: error({
    status: 400,
    sample: { value: 'gardening' },
    message: (p) => `"${p.value}" is not a known field`,
    sv: (p) => `"${p.value}" är inget känt verksamhetsområde.`,
  }),
  csv_unknown_district: error({
    status: 400,
    sample: { value: 'Atlantis' },
    message: (p) => `"${p.value}" is not a known district`,
    sv: (p) => `"${p.value}" är ingen känd stadsdel.`,
  }),
  csv_not_yes_no: error({
    status: 400,
    sample: { value: 'kanske' },
    message: () => 'must be ja or nej',
    sv: (p) => `Skriv ja eller nej, inte "${p.value}".`,
  }),
  student_ref_repeated: error({
    status: 400,
    sample: { studentRef: 'SU-20', firstRow: 2 },
    message: (p) => `${p.studentRef} is also on row ${p.firstRow}`,
    sv: (p) => `${p.studentRef} finns också på rad ${p.firstRow}.`,
  }),
  /** A row of the 409 `duplicate_student_ref` of an import. */
  student_ref_registered: error({
    status: 409,
    sample: { studentRef: 'SU-10', termCode: 'HT2026' },
    message: (p) => `${p.studentRef} is already registered for ${p.termCode}`,
    sv: (p) => `${p.studentRef} är redan registrerad för ${p.termCode}.`,
  }),

  // The DTO's own rules.
  student_name_required: error({
    status: 400,
    sample: {},
    message: () => 'name is required',
    sv: () => 'Fyll i studentens namn.',
  }),
  student_ref_personal_number: error({
    status: 400,
    sample: {},
    message: () => 'studentRef must not be a personal identity number',
    sv: () => 'Personnummer får inte användas; ange lärosätets egen referens.',
  }),
  field_preferences_required: error({
    status: 400,
    sample: {},
    message: () => 'fieldPreferences needs at least one field',
    sv: () => 'Välj minst ett verksamhetsområde.',
  }),
  field_preferences_repeated: error({
    status: 400,
    sample: {},
    message: () => 'fieldPreferences lists a field twice',
    sv: () => 'Samma verksamhetsområde får inte väljas två gånger.',
  }),
  district_preferences_repeated: error({
    status: 400,
    sample: {},
    message: () => 'districtPreferences lists a district twice',
    sv: () => 'Samma stadsdel får inte väljas två gånger.',
  }),
});
