import { jsonNestsDeeperThan } from './json-depth';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('jsonNestsDeeperThan', () => {
  it('counts arrays and objects alike, up to the limit and no further', () => {
    expect(jsonNestsDeeperThan(nested(3), 3)).toBe(false);
    expect(jsonNestsDeeperThan(nested(4), 3)).toBe(true);
    expect(jsonNestsDeeperThan('{"a":{"b":[{"c":1}]}}', 4)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":{"b":[{"c":1}]}}', 3)).toBe(true);
  });

  it('counts depth, not brackets: siblings do not add up', () => {
    expect(jsonNestsDeeperThan(`[${Array(1000).fill('[1]').join(',')}]`, 2)).toBe(false);
  });

  it('skips brackets inside strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan(`{"a":"${'['.repeat(100)}"}`, 1)).toBe(false);
    expect(jsonNestsDeeperThan(`{"a":"\\"${'{'.repeat(100)}\\\\"}`, 1)).toBe(false);
    expect(jsonNestsDeeperThan(`{"a":"\\\\",${'"b":'.repeat(0)}"c":[[1]]}`, 2)).toBe(true);
  });

  it('reads UTF-8 bytes as it reads a string, multi-byte characters included', () => {
    const text = `{"namn":"Åsa [é] ${'['.repeat(50)}","lista":${nested(5)}}`;
    for (const input of [text, Buffer.from(text)]) {
      expect(jsonNestsDeeperThan(input, 6)).toBe(false);
      expect(jsonNestsDeeperThan(input, 5)).toBe(true);
    }
  });

  it('reads 100,000 levels in one pass, without recursion', () => {
    expect(jsonNestsDeeperThan(Buffer.from(nested(100_000)), 32)).toBe(true);
    expect(jsonNestsDeeperThan(Buffer.from(`[${'1,'.repeat(300_000)}1]`), 32)).toBe(false);
  });
});
