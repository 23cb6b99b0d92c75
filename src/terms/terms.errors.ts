import { defineErrors, error } from '../common/errors/error-spec';
import { date } from '../common/errors/swedish';

/** Where a term is in its life, as a Swedish sentence ends "HT2026 är …". */
const STATUS_SV: Record<string, string> = {
  planning: 'under planering',
  reporting: 'i rapportering',
  allocating: 'i fördelning',
  published: 'publicerad',
  closed: 'avslutad',
};

/** A term status in Swedish running text ("i rapportering"); an unknown status is quoted as given. */
export const termStatusSv = (status: string): string => STATUS_SV[status] ?? `"${status}"`;

/** A term status as a step's name ("rapportering"). */
const STEP_SV: Record<string, string> = {
  planning: 'planering',
  reporting: 'rapportering',
  allocating: 'fördelning',
  published: 'publicerad',
  closed: 'avslutad',
};
const stepSv = (status: string): string => STEP_SV[status] ?? `"${status}"`;

export const TermsErrors = defineErrors({
  term_code_taken: error({
    status: 409,
    sample: { termCode: 'HT2026' },
    message: (p) => `A term with the code ${p.termCode} already exists`,
    sv: (p) => `Terminen ${p.termCode} finns redan.`,
  }),
  invalid_status_transition: error({
    status: 409,
    sample: { termCode: 'HT2026', from: 'planning', to: 'allocating', next: 'reporting' } as {
      termCode: string;
      from: string;
      to: string;
      next: string | null;
    },
    message: (p) =>
      p.to === 'published' && p.next === 'published'
        ? `A term is published by publishing its placements: POST /api/terms/${p.termCode}/assignments/publish`
        : `A term cannot go from ${p.from} to ${p.to}` + (p.next ? `; the next status is ${p.next}` : '; it is closed'),
    sv: (p) =>
      p.to === 'published' && p.next === 'published'
        ? `En termin publiceras genom att dess placeringar publiceras. Publicera placeringarna för ${p.termCode}.`
        : p.next
          ? `Terminen kan bara gå ett steg i taget: ${p.termCode} kan inte gå från ${stepSv(p.from)} till ${stepSv(p.to)}. Nästa steg är ${stepSv(p.next)}.`
          : `${p.termCode} är avslutad och kan inte byta status.`,
  }),
  /** A field problem: a university named in two periods. */
  period_university_twice: error({
    status: 400,
    sample: { universityName: 'Stockholms universitet' },
    message: () => 'has a period already',
    sv: (p) => `${p.universityName} har redan en period.`,
  }),
  /** A field problem: a period that ends on or before its first day. */
  period_ends_before_start: error({
    status: 400,
    sample: { startsOn: '2026-08-31', endsOn: '2026-08-01' },
    message: () => 'must be after startsOn',
    sv: (p) => `Slutdatumet måste komma efter startdatumet, ${date(p.startsOn)}.`,
  }),
  /** The DTO rule on `code`. */
  term_code_format: error({
    status: 400,
    sample: {},
    message: () => 'code must be HT or VT followed by a year, e.g. HT2026',
    sv: () => 'Ange HT eller VT följt av årtalet, till exempel HT2026.',
  }),
});
