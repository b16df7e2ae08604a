import { builtinModules } from 'node:module';
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const ioLibraries = [
  '@nestjs/*',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/activity',
  '@temporalio/testing',
  '@care/audit',
  '@care/auth',
  '@care/event-store',
  '@care/messaging',
  '@care/patients',
  '@care/platform',
  '@care/temporal',
  '@care/tenants',
  'pg',
  'typeorm',
  'kafkajs',
  'pino',
  'nestjs-pino',
  'axios',
  'undici',
];
const restrictedFor = (extra) => ({
  paths: nodeBuiltins.map((name) => ({
    name,
    message: 'Deterministic code must not use Node built-ins.',
  })),
  patterns: [
    {
      group: [...ioLibraries, ...extra],
      message: 'Deterministic code must not depend on frameworks or I/O libraries.',
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tools/**', 'coverage/**', 'bench/results/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      // Its scope analysis misses values used only inside decorators; TypeScript reports unused ones.
      'no-useless-assignment': 'off',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { ignores: ['apps/console/src/**'], languageOptions: { globals: { ...globals.node } } },
  {
    // The console runs in the browser; the project service checks it with apps/console/tsconfig.json.
    files: ['apps/console/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'The console runs in the browser: no Node built-ins.',
          })),
        },
      ],
    },
  },
  // The console's build config is Node code, outside the console's browser-only tsconfig.
  { files: ['apps/console/vite.config.ts'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['apps/console/**'],
    rules: {
      // Nest resolves constructor parameters from emitted decorator metadata, which needs value imports.
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', restrictedFor([])] },
  },
  {
    files: ['libs/domain/**/*.ts'],
    ignores: ['libs/domain/**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', restrictedFor(['@temporalio/*'])] },
  },
  {
    files: ['libs/contracts/**/*.ts'],
    ignores: ['libs/contracts/**/*.spec.ts', 'libs/contracts/**/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@care/domain',
              allowTypeImports: true,
              message: 'Contracts check the domain types at compile time only: use `import type`.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  { files: ['**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  prettier,
);
