import { defineErrors, error } from '../common/errors/error-spec';
import { termStatusSv } from '../terms/terms.errors';

export const AllocationErrors = defineErrors({
  allocation_not_possible: error({
    status: 409,
    sample: { termCode: 'HT2026', status: 'planning' },
    message: (p) =>
      `Allocation runs need a term that is reporting, allocating or published; ${p.termCode} is ${p.status}`,
    sv: (p) =>
      `Fördelning görs när terminen är i rapportering, fördelning eller publicerad. ${p.termCode} är ${termStatusSv(p.status)}.`,
  }),
  queue_unavailable: error({
    status: 503,
    sample: {},
    message: () => 'The job queue does not answer; try again shortly',
    sv: () => 'Jobbkön svarar inte just nu. Försök igen om en stund.',
    retryAfter: () => 5,
  }),
  run_not_applicable: error({
    status: 409,
    sample: { status: 'running' },
    message: (p) => `Only a succeeded run can be applied; this one is ${p.status}`,
    sv: (p) =>
      p.status === 'failed'
        ? 'Fördelningskörningen misslyckades och kan inte föras in. Gör en ny fördelning.'
        : 'Fördelningskörningen är inte klar än. Vänta tills den är klar och försök igen.',
  }),
  run_stale: error({
    status: 409,
    sample: { termCode: 'HT2026' },
    message: (p) => `${p.termCode} has changed since this run (placements, offers or supervisors); start a new run`,
    sv: (p) =>
      `${p.termCode} har ändrats sedan körningen (placeringar, platser eller handledare). Gör en ny fördelning.`,
  }),
});
