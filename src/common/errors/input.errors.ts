import { defineErrors, error } from './error-spec';

/** Input no rule of a form could want: refused before any route reads it. */
export const InputErrors = defineErrors({
  too_deeply_nested: error({
    status: 400,
    sample: { max: 32 },
    message: (p) => `The JSON body nests arrays and objects more than ${p.max} levels deep`,
    sv: () => 'Uppgifterna som skickades har för många nivåer och kunde inte läsas.',
  }),
  malformed_address: error({
    status: 400,
    sample: {},
    message: () => 'The address has a broken percent-encoding',
    sv: () => 'Adressen är felaktig. Gå tillbaka och försök igen.',
  }),
  /** A field problem: NUL or half of a surrogate pair, in a field, a parameter, a key or a CSV cell. */
  ill_formed_text: error({
    status: 400,
    sample: { property: 'name' },
    message: (p) => `${p.property} must be well-formed Unicode text without NUL characters`,
    sv: () => 'Texten innehåller ett tecken som inte kan sparas. Skriv in den på nytt.',
  }),
});
