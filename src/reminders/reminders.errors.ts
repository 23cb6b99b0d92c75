import { defineErrors, error } from '../common/errors/error-spec';
import { termStatusSv } from '../terms/terms.errors';

export const RemindersErrors = defineErrors({
  term_not_reporting: error({
    status: 409,
    sample: { termCode: 'HT2026', status: 'allocating' },
    message: (p) => `Reminders go out while a term is reporting; ${p.termCode} is ${p.status}`,
    sv: (p) => `Påminnelser skickas medan terminen är i rapportering. ${p.termCode} är ${termStatusSv(p.status)}.`,
  }),
});
