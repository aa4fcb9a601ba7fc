// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import i18next from 'eslint-plugin-i18next';
import globals from 'globals';

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'path',
  'crypto',
  'os',
  'child_process',
  'url',
  'stream',
  'util',
  'events',
];

/** Import boundaries: renderer → shared ← electron/{main,preload,cli} → electron/core → shared. */
const boundary = (files, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
  },
});

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'build-native/**',
      'test-results/**',
      'playwright-report/**',
      'tests/.artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, i18next },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Every user-visible string goes through the catalogs in shared/locales.
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            exclude: [
              'data-testid',
              'submitTestId',
              'testId',
              'purpose',
              'kind',
              'className',
              'style',
              'type',
              'key',
              'id',
              'name',
              'rel',
              'target',
              'htmlType',
              'mode',
              'size',
              'layout',
              'placement',
              'theme',
              'color',
              'status',
              'variant',
              'shape',
              'align',
              'justify',
              'direction',
              'autoComplete',
              'rowKey',
              'dataIndex',
              'to',
              'href',
              'icon',
              'trigger',
              'width',
              'height',
              'role',
              'aria-hidden',
              'orientation',
              'iconPlacement',
              'validateStatus',
              'labelAlign',
              'format',
              'picker',
              'optionFilterProp',
            ],
          },
        },
      ],
    },
  },
  boundary(
    ['shared/**/*.ts'],
    ['electron', 'electron/*', ...NODE_BUILTINS, 'react', 'react-dom', '**/electron/**', '**/renderer/**'],
    'shared/ runs everywhere: no electron, no node:*, no DOM libraries.',
  ),
  boundary(
    ['electron/core/**/*.ts'],
    ['electron', 'electron/*', '**/electron/main/**', '**/electron/preload/**', '**/renderer/**'],
    'electron/core never imports Electron or the shell.',
  ),
  boundary(
    ['renderer/**/*.{ts,tsx}'],
    ['**/electron/**', 'electron', ...NODE_BUILTINS],
    'The renderer reaches the core only through the contract.',
  ),
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'process',
        'Buffer',
        'require',
        '__dirname',
      ],
    },
  },
  {
    files: ['electron/cli/**/*.ts', 'tests/**/*.{ts,mts}', 'scripts/**/*.{js,mjs}'],
    rules: { 'no-console': 'off' },
  },
);
