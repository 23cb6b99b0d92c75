import { CellValue, safeCell } from './cell-text';

/** A cell csv-stringify would quote: a comma, a quote or a line break in it. */
const NEEDS_QUOTES = /[",\n\r]/;

/**
 * Every CSV export's one writer: a header row of `columns`, each row's cells in that order
 * through `safeCell` (text that could start a formula is prefixed with `'` and quoted; numbers
 * stay numbers), and a BOM so spreadsheet programs read the Swedish letters right. The bytes are
 * csv-stringify's (comma, `"` doubled, `\n` after every record), built as one string.
 */
export function writeCsv<T extends { [K in keyof T]: CellValue }>(
  rows: readonly T[],
  columns: readonly (keyof T & string)[],
): string {
  let csv = '\uFEFF' + columns.map(csvText).join(',') + '\n';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      const value = safeCell(row[columns[i]]);
      if (i > 0) line += ',';
      line += typeof value === 'number' ? String(value) : csvText(value);
    }
    csv += line + '\n';
  }
  return csv;
}

/** A neutralised cell is quoted as well, as OWASP advises (quoting any text that starts with ' is harmless). */
function csvText(text: string): string {
  return text.startsWith("'") || NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
