import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { CellValue, safeCell } from './cell-text';
import { writeCsv } from './csv';

describe('writeCsv', () => {
  const sut = writeCsv;

  it('writes a BOM, the header and the rows in the columns given', () => {
    expect(sut([{ name: 'Anna', places: 2, extra: 'x' }], ['name', 'places'])).toBe('\uFEFFname,places\nAnna,2\n');
  });

  it('prefixes and quotes text that could start a formula, and keeps negative numbers bare', () => {
    const csv = sut(
      [
        { name: '=HYPERLINK("http://x.test")', days: -3 },
        { name: '\tTab', days: null },
        { name: '-Minus', days: 4 },
      ],
      ['name', 'days'],
    );
    expect(csv).toBe('\uFEFFname,days\n"\'=HYPERLINK(""http://x.test"")",-3\n"\'\tTab",\n"\'-Minus",4\n');
    expect(parse(csv, { bom: true, columns: true })).toEqual([
      { name: '\'=HYPERLINK("http://x.test")', days: '-3' },
      { name: "'\tTab", days: '' },
      { name: "'-Minus", days: '4' },
    ]);
  });

  it('reads a carriage return first as text, not as the end of a record', () => {
    const csv = sut([{ name: '\r=1+1' }], ['name']);
    expect(parse(csv, { bom: true, columns: true })).toEqual([{ name: "'\r=1+1" }]);
  });
});

describe('writeCsv against csv-stringify', () => {
  const sut = writeCsv;
  /** What the writer wrote with csv-stringify before: the bytes must not change. */
  const reference = (rows: Record<string, CellValue>[], columns: string[]) =>
    '\uFEFF' +
    stringify(
      rows.map((row) => columns.map((column) => safeCell(row[column]))),
      { header: true, columns, cast: { string: (value) => ({ value, quoted: value.startsWith("'") }) } },
    );

  const TRICKY: CellValue[] = [
    'Anna "Lill" Andersson',
    '"',
    '""',
    'a,b',
    ',',
    'rad ett\nrad två',
    'rad ett\r\nrad två',
    'slut\r',
    'a;b;c',
    ';',
    '=1+1',
    '+46 8 123',
    '-Minus',
    '@SUM(A1)',
    '\tTab',
    '\rRetur',
    '＝1',
    '  =1+1',
    '"=1+1"',
    "'redan",
    "O'Brien",
    ' ',
    '',
    'Åsa Öberg',
    -3,
    0,
    0.25,
    1e21,
    true,
    false,
    null,
    undefined,
    new Date('2026-03-01T08:00:00Z'),
  ];

  it('writes the same bytes for quotes, commas, line breaks, semicolons and formula starts', () => {
    const rows = TRICKY.map((value, index) => ({ value, index, name: TRICKY[(index * 7) % TRICKY.length] }));
    expect(sut(rows, ['value', 'index', 'name'])).toBe(reference(rows, ['value', 'index', 'name']));
  });

  it('writes the same bytes for random cells', () => {
    const alphabet = ['a', 'Å', ' ', ',', ';', '"', "'", '\n', '\r', '\t', '=', '+', '-', '@', '1', '.'];
    let seed = 14;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const text = () => Array.from({ length: random(6) }, () => alphabet[random(alphabet.length)]).join('');
    const rows = Array.from({ length: 500 }, () => ({ a: text(), b: random(3) ? text() : random(41) - 20, c: text() }));
    expect(sut(rows, ['a', 'b', 'c'])).toBe(reference(rows, ['a', 'b', 'c']));
  });

  it('writes only the header for no rows, as before', () => {
    expect(sut([], ['name', 'places'])).toBe(reference([], ['name', 'places']));
  });
});
