import { parse } from 'csv-parse/sync';
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
