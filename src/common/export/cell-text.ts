/**
 * The one rule for text in a spreadsheet cell (CSV now, workbooks later), after OWASP's
 * CSV-injection guidance: text a spreadsheet would read as a formula is prefixed with a single
 * quote, which the spreadsheet hides and which makes it show the rest as text. A formula start is
 * `=`, `+`, `-` or `@` (also in their full-width forms, which some programs normalise), first or
 * after leading whitespace or quotes, or a tab or carriage return first.
 */
const FORMULA_START = /^(?:[\t\r]|[\s"']*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/** True when a spreadsheet could read `text` as a formula. */
export function startsFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** `text` as it is, or with a leading `'` when a spreadsheet could read it as a formula. */
export function safeCellText(text: string): string {
  return startsFormula(text) ? `'${text}` : text;
}

/** What an export may put in a cell. */
export type CellValue = string | number | boolean | Date | null | undefined;

/**
 * A cell's value for an export: numbers stay numbers (a negative one is not a formula), dates
 * become ISO instants, absent values empty text, and every text goes through `safeCellText`.
 */
export function safeCell(value: CellValue): string | number {
  if (typeof value === 'number') return value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return safeCellText(String(value));
}
