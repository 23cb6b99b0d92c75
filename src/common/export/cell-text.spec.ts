import { safeCell, safeCellText, startsFormula } from './cell-text';

describe('safeCellText', () => {
  it.each([
    '=HYPERLINK("http://x.test","y")',
    '+1+1',
    '-2+3',
    '@SUM(A1)',
    '\tAnna',
    '\rAnna',
    '＝1+1',
    '＋1',
    '－1',
    '＠A1',
  ])('prefixes %j with a single quote so a spreadsheet shows it as text', (text) => {
    expect(startsFormula(text)).toBe(true);
    expect(safeCellText(text)).toBe(`'${text}`);
  });

  it.each(['  =1+1', '\n=1+1', '"=1+1"', "'=1+1", ' "+1', ' -1'])(
    'also prefixes %j, where the formula start follows whitespace or a quote',
    (text) => expect(safeCellText(text)).toBe(`'${text}`),
  );

  it.each([
    'Anna Andersson',
    'Bromma barn och unga',
    'anna@student.su.se',
    'Ström-Lind',
    '1=1',
    ' Anna',
    "O'Brien",
    '',
  ])('leaves %j as it is', (text) => expect(safeCellText(text)).toBe(text));
});

describe('safeCell', () => {
  it('keeps numbers as numbers, negative ones included', () => {
    expect(safeCell(-3)).toBe(-3);
    expect(safeCell(0.25)).toBe(0.25);
  });

  it('treats every text the same, whatever it looks like', () => {
    expect(safeCell('-3')).toBe("'-3");
    expect(safeCell('=1+1')).toBe("'=1+1");
  });

  it('writes dates as ISO instants, booleans as words and absent values as empty text', () => {
    expect(safeCell(new Date('2026-03-01T08:00:00Z'))).toBe('2026-03-01T08:00:00.000Z');
    expect(safeCell(true)).toBe('true');
    expect(safeCell(null)).toBe('');
    expect(safeCell(undefined)).toBe('');
  });
});
