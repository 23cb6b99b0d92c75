/** class-transformer `@Transform`s for text input. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** E-mail addresses are kept lower-cased, so they compare as people expect. */
export const trimLower = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;
