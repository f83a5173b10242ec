import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/dist-types/**',
      'artifacts/**',
      'data/**',
      'release/**',
      '**/dist-electron/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: [
      '**/*.mjs',
      '**/*.cjs',
      'scripts/**',
      'apps/hub/**',
      'apps/city/**',
      'packages/pgcluster/**',
      'apps/supervisor/cli/**',
      'apps/supervisor/test/**',
      'packages/testing/**',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is pure: no I/O, no clocks, no randomness. The boundary is enforced here, not by convention.
    // So is the simulator: its randomness is seeded (pure-rand), its clock virtual.
    files: ['packages/core/src/**/*.ts', 'packages/sim/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'fs', 'path', 'crypto', 'better-sqlite3', 'socket.io*'] },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The clock is passed in.' },
        { object: 'Math', property: 'random', message: 'Deterministic: draw from a seeded generator.' },
      ],
    },
  },
  {
    // Hooks live in .ts files as well (hooks.ts, use-hub.ts): the rules cover both.
    files: ['apps/*/src/**/*.{ts,tsx}', 'packages/ui/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
