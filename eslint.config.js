// One flat config. The layering (engine ← worker ← state ← panels) is enforced here:
// the engine and the worker protocol may not import anything from the UI side.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
  ...[
    // Files directly in src/engine may not climb out with '../'; files one folder deeper may use '../'
    // (still inside the engine) but not '../../'.
    { files: ['src/engine/*.ts'], outside: ['../*'] },
    { files: ['src/engine/*/**/*.ts'], outside: ['../../*'] },
  ].map(({ files, outside }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: uiModules, message: 'The engine is pure maths: no UI libraries.' },
            { group: outside, message: 'The engine never imports from outside src/engine.' },
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
  })),
  {
    files: ['src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: uiModules, message: 'The worker layer runs no UI code.' },
            {
              // The shared type contracts are plain types; everything else above the worker is off limits.
              group: [
                '../state/*',
                '!../state/types.ts',
                '../panels/*',
                '../app/*',
                '../viz/*',
                '!../viz/types.ts',
              ],
              message: 'The worker never imports upward (only the type contracts).',
            },
          ],
        },
      ],
    },
  },
);
