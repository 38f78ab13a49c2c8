// One flat config. The layer order of src/ is one rule generated from scripts/layers.js; on top of it,
// the layers that run in workers and Node (engine … worker) may not use UI libraries, and the engine
// neither Node modules nor browser globals.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { LAYERS, layersPlugin } from './scripts/layers.js';

const uiModules = [
  'react',
  'react-dom',
  'react-dom/*',
  'zustand',
  'zustand/*',
  'katex',
  'd3',
  'd3-*',
];

export default tseslint.config(
  {
    // dist-*, reports-*, test-results-*: outputs of the bench, screenshot and parallel e2e runs.
    ignores: [
      'dist',
      'dist-*',
      'node_modules',
      'test-results',
      'test-results-*',
      'playwright-report',
      'reports',
      'reports-*',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: uiModules, message: 'The engine is pure maths: no UI libraries.' },
            {
              group: ['node:*', 'fs', 'path'],
              message: 'The engine runs in browsers: no Node modules.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'location',
        'localStorage',
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/import-downward': 'error' },
  },
  {
    // Everything below i18n runs in a worker or in Node as well as in the page.
    files: LAYERS.slice(0, LAYERS.indexOf('worker') + 1).map((layer) => `src/${layer}/**/*.ts`),
    ignores: ['src/engine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: uiModules, message: 'This layer runs without a page: no UI libraries.' },
          ],
        },
      ],
    },
  },
);
