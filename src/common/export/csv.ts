import { stringify } from 'csv-stringify/sync';
import { CellValue, safeCell } from './cell-text';

/**
 * Every CSV export's one writer: a header row of `columns`, each row's cells in that order
 * through `safeCell` (text that could start a formula is prefixed with `'` and quoted; numbers
 * stay numbers), and a BOM so spreadsheet programs read the Swedish letters right.
 */
export function writeCsv<T extends { [K in keyof T]: CellValue }>(
  rows: readonly T[],
  columns: readonly (keyof T & string)[],
): string {
  const records = rows.map((row) => columns.map((column) => safeCell(row[column])));
  return (
    '\uFEFF' +
    stringify(records, {
      header: true,
      columns: [...columns],
      // A neutralised cell is quoted as well, as OWASP advises (quoting any text that starts with ' is harmless).
      cast: { string: (value) => ({ value, quoted: value.startsWith("'") }) },
    })
  );
}
