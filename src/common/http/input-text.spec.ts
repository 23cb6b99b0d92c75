import { inputTextProblems, isWellFormedText, MAX_INPUT_PROBLEMS } from './input-text';

const fields = (value: unknown, root?: string) =>
  inputTextProblems(value, root).map(({ field, code }) => `${field}: ${code}`);

describe('isWellFormedText', () => {
  it('takes any text but NUL and half a surrogate pair', () => {
    for (const text of ['', 'Åsa Öberg', 'emoji 😀 ok', '\u{10FFFF}', 'tab\tand\nnewline'])
      expect(isWellFormedText(text)).toBe(true);
    for (const text of ['a\u0000b', '\u0000', 'c\ud800@x.test', 'x\udc00y', 'end\ud83d', '\ude00start', '\udc00\ud800'])
      expect(isWellFormedText(text)).toBe(false);
  });
});

describe('inputTextProblems', () => {
  it('names each ill-formed string by its dot path, at any depth, arrays by index', () => {
    expect(
      fields({
        title: 'x\u0000y',
        ok: 'fine',
        periods: [{ startsOn: '2031-01-01' }, { startsOn: 'a\ud800' }],
        n: 5,
        none: null,
      }),
    ).toEqual(['title: ill_formed_text', 'periods.1.startsOn: ill_formed_text']);
  });

  it('names keys that are prototype machinery, at any depth, as fields that do not belong', () => {
    const body = JSON.parse('{"__proto__":{"admin":true},"a":{"constructor":{}},"b":[{"prototype":1}]}') as object;
    expect(fields(body)).toEqual([
      '__proto__: whitelistValidation',
      'a.constructor: whitelistValidation',
      'b.0.prototype: whitelistValidation',
    ]);
  });

  it('refuses ill-formed keys too', () => {
    expect(fields({ 'na\u0000me': 'x' })).toEqual(['na\u0000me: ill_formed_text']);
  });

  it('names a parameter or a query value under its own name', () => {
    expect(fields('HT\u00002031', 'code')).toEqual(['code: ill_formed_text']);
    expect(fields({ termin: '\u0000' })).toEqual(['termin: ill_formed_text']);
  });

  it('words each problem from the catalogue, in English and Swedish', () => {
    expect(inputTextProblems({ name: '\u0000' })).toEqual([
      {
        field: 'name',
        code: 'ill_formed_text',
        params: { property: 'name' },
        message: 'name must be well-formed Unicode text without NUL characters',
        sv: 'Texten innehåller ett tecken som inte kan sparas. Skriv in den på nytt.',
      },
    ]);
  });

  it('lists a few problems, not thousands', () => {
    expect(inputTextProblems(Array(5000).fill('\u0000'))).toHaveLength(MAX_INPUT_PROBLEMS);
  });

  it('walks a structure far deeper than the call stack without recursion', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(inputTextProblems(deep)).toHaveLength(1);
    expect(inputTextProblems(undefined)).toEqual([]);
  });
});
