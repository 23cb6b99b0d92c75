// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import prettier from 'eslint-config-prettier';
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

/** Feature folders under src/: each owns the tables of its own `entities/`. */
const features = readdirSync(new URL('./src', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * A feature's tables are read and written by that feature alone: outside its own folder, its
 * entity classes may be named as types (a relation, a returned row) but not imported as values,
 * which is what a query, a repository or a `manager.find` needs. Entities themselves may relate
 * across features; the data source and the root module list them all.
 */
const ownData = features.map((feature) => ({
  files: [`src/${feature}/**/*.ts`],
  ignores: ['**/*.entity.ts', '**/*.spec.ts'],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^(\\.\\./)+(?!${feature}/)[a-z-]+/(.+/)?entities/`,
            allowTypeImports: true,
            message: `Another feature's table: ask that feature's service for what you need (see README, "Features own their data").`,
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'test-output/**', 'src/web/public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // `rows.map(Response.of)`: the static mappers use no `this`.
      '@typescript-eslint/unbound-method': ['error', { ignoreStatic: true }],
    },
  },
  {
    // A row's `sample: {…} as {…}` sets the type of its params (optional ones, unions): the rule cannot see that inference needs it.
    files: ['src/**/*.errors.ts'],
    rules: { '@typescript-eslint/no-unnecessary-type-assertion': 'off' },
  },
  {
    // The benchmark and the tests' global set-up load the compiled code in dist/ on purpose: what production runs.
    files: ['scripts/**/*.ts', 'test/setup/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // supertest's `response.body` is `any` by design: the tests assert its shape instead of typing it.
    files: ['test/**/*.ts', 'src/**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  ...ownData,
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  prettier,
);
