// One lint config for the whole tree: type-aware TypeScript rules, the promise rules, and the folder
// boundaries of the architecture (see README "Layout"). e2e/tooling/lint-boundaries.test.ts proves they bite.
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import promise from 'eslint-plugin-promise';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...new Set(builtinModules.map((m) => m.replace(/^node:/, '').split('/')[0]))];
const sibling = (folders) => ({
  regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`,
  message: `This folder may not import from ${folders.join(' or ')}/ (see README "Layout").`,
});

/** Import boundaries per folder, as data so the test can show each one. */
export const boundaries = [
  {
    files: ['app/**/*.ts'],
    ignores: ['app/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'app/ is browser-safe and shared: no electron.' }],
          patterns: [
            { regex: '^node:', message: 'app/ is browser-safe: no node:* imports.' },
            { group: nodeBuiltins, message: 'app/ is browser-safe: no Node built-ins.' },
            sibling(['emulator', 'main', 'renderer', 'e2e']),
          ],
        },
      ],
    },
  },
  {
    files: ['emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'emulator/ is a plain Node engine: it never imports electron.' },
          ],
          patterns: [sibling(['main', 'renderer', 'e2e'])],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            sibling(['renderer', 'e2e']),
            {
              regex: '^(\\.\\./)+emulator/(?!index\\.js$|types\\.js$)',
              message: 'main/ uses only the engine public entry (emulator/index.js, emulator/types.js).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'renderer/ never imports electron: use the preload bridge.' }],
          patterns: [
            { regex: '^node:', message: 'renderer/ runs in a browser: no node:* imports.' },
            { group: nodeBuiltins, message: 'renderer/ runs in a browser: no Node built-ins.' },
            sibling(['emulator', 'main', 'e2e']),
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  promise.configs['flat/recommended'],
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.mjs', 'emulator/bin/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'promise/always-return': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  ...boundaries,
);
