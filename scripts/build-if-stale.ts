// `npm start` runs this first: it builds only when dist/ is missing or older than what it is built
// from, so a built, unchanged clone starts at once (`npm run build` always builds). Node 24 runs
// this file by stripping its types, so only erasable TypeScript syntax is used here.
const { existsSync, readdirSync, statSync } = require('node:fs') as typeof import('node:fs');
const path = require('node:path') as typeof import('node:path');
const { spawnSync } = require('node:child_process') as typeof import('node:child_process');

const root = path.join(__dirname, '..');
const BUILT = path.join(root, 'dist', 'main.js');
const SOURCES = [
  'src',
  'migrations',
  'package.json',
  'package-lock.json',
  'nest-cli.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'tsconfig.migrations.json',
];

/** The newest modification time of a file, or of anything in a folder. */
function newest(file: string): number {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(file).reduce((latest, name) => Math.max(latest, newest(path.join(file, name))), stat.mtimeMs);
}

const builtAt = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
const changed = SOURCES.filter((source) => newest(path.join(root, source)) > builtAt);
if (builtAt && !changed.length) {
  process.stdout.write('dist/ is up to date with the sources: not rebuilding (npm run build forces a build)\n');
} else {
  process.stdout.write(
    builtAt ? `Rebuilding: changed since the last build: ${changed.join(', ')}\n` : 'Building dist/\n',
  );
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  process.exit(build.status ?? 1);
}
