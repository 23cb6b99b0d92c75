import { defineErrors, error } from '../common/errors/error-spec';
import { count } from '../common/errors/swedish';
import { termStatusSv } from '../terms/terms.errors';

/** Placements by hand (assignments.service.ts) and their publication (publication.service.ts). */
export const AssignmentsErrors = defineErrors({
  term_not_allocating: error({
    status: 409,
    sample: { termCode: 'HT2026', status: 'reporting' },
    message: (p) => `Placements are made while a term is allocating or published; ${p.termCode} is ${p.status}`,
    sv: (p) =>
      `Placeringar görs när terminen är i fördelning eller publicerad. ${p.termCode} är ${termStatusSv(p.status)}.`,
  }),
  student_already_placed: error({
    status: 409,
    sample: { studentName: 'Ada Svensson' },
    message: () => 'The student is already placed; remove that placement first',
    sv: (p) => `${p.studentName} är redan placerad. Ta bort den placeringen först.`,
  }),
  offer_full: error({
    status: 409,
    sample: { unitName: 'Mottagningen', usable: 2 },
    message: (p) => `${p.unitName} has no free place (${p.usable} usable)`,
    sv: (p) =>
      p.usable === 0
        ? `Platsen är full. Handledarna på ${p.unitName} räcker inte till någon student.`
        : `Platsen är full. ${p.usable === 1 ? `Den enda platsen på ${p.unitName} är tagen` : `${p.usable === 2 ? 'Båda platserna' : `Alla ${p.usable} platser`} på ${p.unitName} är tagna`}.`,
  }),
  supervisor_full: error({
    status: 409,
    sample: { supervisorName: 'Ali Hassan', capacity: 2 },
    message: (p) => `${p.supervisorName} already supervises as many students as they can (${p.capacity})`,
    sv: (p) =>
      `${p.supervisorName} handleder redan ${count(p.capacity, 'student', 'studenter')}, så många som hen kan ta.`,
  }),
  quota_full: error({
    status: 409,
    sample: { universityName: 'Stockholms universitet', quota: 3, termCode: 'HT2026' },
    message: (p) => `The university's quota of ${p.quota} place(s) in ${p.termCode} is filled`,
    sv: (p) => `${p.universityName} har fyllt sin kvot på ${count(p.quota, 'plats', 'platser')} i ${p.termCode}.`,
  }),
  nothing_to_publish: error({
    status: 409,
    sample: { termCode: 'HT2026' },
    message: (p) => `${p.termCode} has no draft placements to publish`,
    sv: (p) => `${p.termCode} har inga utkast till placeringar att publicera.`,
  }),
  /** A field problem: the student is not one of the term's. */
  no_such_student: error({
    status: 400,
    sample: { termCode: 'HT2026' },
    message: (p) => `no such student in ${p.termCode}`,
    sv: (p) => `Studenten är inte registrerad för ${p.termCode}.`,
  }),
  /** A field problem: the offer is not one of the term's. */
  no_such_offer: error({
    status: 400,
    sample: { termCode: 'HT2026' },
    message: (p) => `no such offer in ${p.termCode}`,
    sv: (p) => `Platsen hör inte till ${p.termCode}.`,
  }),
  /** A field problem: the supervisor chosen is not named on the offer. */
  supervisor_not_on_offer: error({
    status: 400,
    sample: { unitName: 'Mottagningen' },
    message: () => 'is not one of the supervisors named on the offer',
    sv: (p) => `Välj en av handledarna på ${p.unitName}.`,
  }),
  /** A field problem: the offer is in a district the student is excluded from. */
  district_excluded: error({
    status: 400,
    sample: { studentName: 'Ada Svensson', unitName: 'Mottagningen' },
    message: () => 'is in a district the student may not be placed in',
    sv: (p) => `${p.studentName} får inte placeras i stadsdelen där ${p.unitName} finns.`,
  }),
});
