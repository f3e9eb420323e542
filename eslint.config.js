// Lint gates (SEC-11) and runtime boundaries (architecture.md "Runtime boundaries").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'url', 'stream', 'buffer'];

/** shared/ runs anywhere: no UI, storage, shell or Node APIs. */
const sharedForbidden = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'shared/ must not import React (architecture.md: runtime boundaries).' },
    { group: ['dexie', 'dexie/*', 'dexie-*'], message: 'Only renderer/db may touch Dexie.' },
    { group: ['electron', 'electron/*'], message: 'shared/ must not import electron.' },
    { group: nodeBuiltins, message: 'shared/ must not import Node built-ins.' },
    { group: ['**/renderer/**', '**/electron/**'], message: 'shared/ must not import renderer/ or electron/.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'as', objectLiteralTypeAssertions: 'never' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'off',
      '@typescript-eslint/no-implied-eval': 'error',
      'no-new-func': 'error',
      // Japanese text uses the ideographic space (U+3000) on purpose.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true, skipRegExps: true, skipJSXText: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', sharedForbidden] },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // We do not use the React Compiler; react-hook-form's watch() is fine without it.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'renderer/ talks to the shell only through window.api (shared/ipc/contract.ts).' },
          { group: nodeBuiltins, message: 'renderer/ must not import Node built-ins.' },
          { group: ['**/electron/**'], message: 'renderer/ must not import electron/.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/db/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'renderer/ talks to the shell only through window.api.' },
          { group: nodeBuiltins, message: 'renderer/ must not import Node built-ins.' },
          { group: ['dexie', 'dexie/*'], message: 'Only renderer/db touches Dexie (architecture.md pattern 6).' },
        ],
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react/*', 'dexie', 'dexie/*'], message: 'electron/ must not import React or Dexie.' },
          { group: ['**/renderer/**'], message: 'electron/ must not import renderer/.' },
        ],
      }],
    },
  },
);
