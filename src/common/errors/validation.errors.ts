import { count } from './swedish';
import { defineErrors, error } from './error-spec';

/**
 * The Swedish words for class-validator's constraints, keyed by the constraint's name; a DTO
 * rule that means something more specific names its own catalogue row instead (`withCode`).
 * Params come from the constraint's own arguments (`min` for `@Min(1)`), `property` is the field.
 */
export const ValidationErrors = defineErrors({
  isEmail: error({
    status: 400,
    sample: { property: 'email' },
    message: (p) => `${p.property} must be an email`,
    sv: () => 'Ange en giltig e-postadress.',
  }),
  isString: error({
    status: 400,
    sample: { property: 'name' },
    message: (p) => `${p.property} must be a string`,
    sv: () => 'Fyll i fältet.',
  }),
  isNotEmpty: error({
    status: 400,
    sample: { property: 'name' },
    message: (p) => `${p.property} should not be empty`,
    sv: () => 'Fyll i fältet.',
  }),
  isDefined: error({
    status: 400,
    sample: { property: 'name' },
    message: (p) => `${p.property} must be given`,
    sv: () => 'Fyll i fältet.',
  }),
  minLength: error({
    status: 400,
    sample: { property: 'password', min: 10 },
    message: (p) => `${p.property} must be longer than or equal to ${p.min} characters`,
    sv: (p) => (p.min === 1 ? 'Fyll i fältet.' : `Skriv minst ${count(p.min, 'tecken', 'tecken')}.`),
  }),
  maxLength: error({
    status: 400,
    sample: { property: 'name', max: 200 },
    message: (p) => `${p.property} must be shorter than or equal to ${p.max} characters`,
    sv: (p) => `Skriv högst ${count(p.max, 'tecken', 'tecken')}.`,
  }),
  isInt: error({
    status: 400,
    sample: { property: 'places' },
    message: (p) => `${p.property} must be an integer number`,
    sv: () => 'Ange ett heltal.',
  }),
  isNumber: error({
    status: 400,
    sample: { property: 'places' },
    message: (p) => `${p.property} must be a number`,
    sv: () => 'Ange ett tal.',
  }),
  min: error({
    status: 400,
    sample: { property: 'places', min: 1 },
    message: (p) => `${p.property} must not be less than ${p.min}`,
    sv: (p) => `Ange minst ${p.min}.`,
  }),
  max: error({
    status: 400,
    sample: { property: 'places', max: 20 },
    message: (p) => `${p.property} must not be greater than ${p.max}`,
    sv: (p) => `Ange högst ${p.max}.`,
  }),
  isEnum: error({
    status: 400,
    sample: { property: 'role' },
    message: (p) => `${p.property} must be one of the allowed values`,
    sv: () => 'Välj ett av alternativen.',
  }),
  isIn: error({
    status: 400,
    sample: { property: 'role' },
    message: (p) => `${p.property} must be one of the allowed values`,
    sv: () => 'Välj ett av alternativen.',
  }),
  isUuid: error({
    status: 400,
    sample: { property: 'districtId' },
    message: (p) => `${p.property} must be a UUID`,
    sv: () => 'Välj ett av alternativen.',
  }),
  isBoolean: error({
    status: 400,
    sample: { property: 'active' },
    message: (p) => `${p.property} must be a boolean value`,
    sv: () => 'Välj ja eller nej.',
  }),
  isCalendarDate: error({
    status: 400,
    sample: { property: 'startsOn' },
    message: (p) => `${p.property} must be a date written YYYY-MM-DD`,
    sv: () => 'Ange ett datum som ÅÅÅÅ-MM-DD.',
  }),
  isIso8601: error({
    status: 400,
    sample: { property: 'startsAt' },
    message: (p) => `${p.property} must be a valid ISO 8601 date string`,
    sv: () => 'Ange datum och tid.',
  }),
  isArray: error({
    status: 400,
    sample: { property: 'supervisorIds' },
    message: (p) => `${p.property} must be an array`,
    sv: () => 'Välj minst ett alternativ.',
  }),
  arrayMinSize: error({
    status: 400,
    sample: { property: 'supervisorIds', min: 1 },
    message: (p) => `${p.property} must contain at least ${p.min} elements`,
    sv: (p) => (p.min === 1 ? 'Välj minst ett alternativ.' : `Välj minst ${p.min}.`),
  }),
  arrayMaxSize: error({
    status: 400,
    sample: { property: 'districtPreferences', max: 3 },
    message: (p) => `${p.property} must contain no more than ${p.max} elements`,
    sv: (p) => `Välj högst ${p.max}.`,
  }),
  arrayUnique: error({
    status: 400,
    sample: { property: 'supervisorIds' },
    message: (p) => `All ${p.property}'s elements must be unique`,
    sv: () => 'Samma val får inte förekomma två gånger.',
  }),
  matches: error({
    status: 400,
    sample: { property: 'code' },
    message: (p) => `${p.property} has the wrong form`,
    sv: () => 'Värdet har fel form.',
  }),
  nestedValidation: error({
    status: 400,
    sample: { property: 'periods' },
    message: (p) => `${p.property} must be an object`,
    sv: () => 'Fyll i uppgifterna.',
  }),
  isObject: error({
    status: 400,
    sample: { property: 'periods' },
    message: (p) => `${p.property} must be an object`,
    sv: () => 'Fyll i uppgifterna.',
  }),
  whitelistValidation: error({
    status: 400,
    sample: { property: 'extra' },
    message: (p) => `property ${p.property} should not exist`,
    sv: () => 'Fältet hör inte till formuläret.',
  }),
});
