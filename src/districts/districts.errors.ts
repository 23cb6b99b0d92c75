import { defineErrors, error } from '../common/errors/error-spec';

export const DistrictsErrors = defineErrors({
  /** A field problem: the contact person named for a district must be one of its active district contacts. */
  invalid_district_contact: error({
    status: 400,
    sample: { districtName: 'Bromma' },
    message: () => 'must be an active district_contact user of this district',
    sv: (p) => `Välj en aktiv kontaktperson i ${p.districtName}.`,
  }),
});
