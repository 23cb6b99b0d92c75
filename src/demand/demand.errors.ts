import { defineErrors, error } from '../common/errors/error-spec';
import { termStatusSv } from '../terms/terms.errors';

export const DemandErrors = defineErrors({
  demand_closed: error({
    status: 409,
    sample: { termCode: 'HT2026', status: 'allocating' },
    message: (p) =>
      `Demand for ${p.termCode} can no longer be changed: the term is ${p.status}. Ask the central coordinator.`,
    sv: (p) =>
      `${p.termCode} är ${termStatusSv(p.status)}. Behovet kan inte längre ändras för terminen. Kontakta den centrala samordnaren.`,
  }),
});
