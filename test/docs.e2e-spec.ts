import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './support/service-process';

/** A newcomer reads the repository alone: nothing points outside it, and every link leads somewhere. */
describe('README and docs/', () => {
  const files = ['README.md', 'docs/design.md', 'docs/api.md'];
  const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');

  it('link the design in brief and the API overview from the README', () => {
    expect(text('README.md')).toContain('](docs/design.md)');
    expect(text('README.md')).toContain('](docs/api.md)');
  });

  it.each(files)('%s points at nothing outside the repository', (file) => {
    expect(text(file)).not.toMatch(/\.\.\/shared|\/work\/|seeds\//);
  });

  it.each(files)('%s links only files that exist', (file) => {
    const links = [...text(file).matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)]
      .map((m) => m[1])
      .filter((l) => !/^[a-z]+:/.test(l));
    for (const link of links)
      expect(existsSync(join(ROOT, dirname(file), link)) ? link : `${link} (missing)`).toBe(link);
  });
});
