import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ERROR_CATALOGUE } from './error-catalogue';

const rows = Object.entries(ERROR_CATALOGUE).flatMap(([feature, table]) =>
  Object.entries(table).map(([code, spec]) => ({ feature, code, spec })),
);

/** Every `*.errors.ts` under src/, found on disk. */
function errorFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? errorFiles(path) : entry.name.endsWith('.errors.ts') ? [path] : [];
  });
}

describe('the error catalogue', () => {
  it('holds every feature table on disk', () => {
    const listed = new Set(Object.values(ERROR_CATALOGUE));
    for (const file of errorFiles(__dirname)) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exported = Object.values(require(file) as Record<string, unknown>).filter(
        (value) => typeof value === 'object',
      );
      expect({ file: relative(__dirname, file), listed: exported.some((table) => listed.has(table as never)) }).toEqual(
        { file: relative(__dirname, file), listed: true },
      );
    }
  });

  it('has one row per code, each with its code as key', () => {
    const codes = rows.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const { code, spec } of rows) expect(spec.code).toBe(code);
  });

  it.each(rows.map((r) => [`${r.feature}.${r.code}`, r] as const))(
    '%s has a status, an English and a Swedish text that render from its sample',
    (_, { spec }) => {
      expect(spec.status).toBeGreaterThanOrEqual(400);
      expect(spec.status).toBeLessThan(600);
      const english = spec.message(spec.sample);
      const swedish = spec.sv(spec.sample);
      expect(english.trim()).not.toBe('');
      expect(swedish.trim()).not.toBe('');
      for (const text of [english, swedish]) {
        expect(text).not.toMatch(/\{[a-zA-Z_]+\}|\$\{|undefined|\[object Object\]|NaN/);
      }
      // People read names, never codes or ids: no snake_case code, no UUID, no English plural trick.
      expect(swedish).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
      expect(swedish).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(swedish).not.toMatch(/\(er\)|\(s\)/);
      expect(swedish).toMatch(/[.!?]$/);
    },
  );
});
