// @ts-check
import { resolve } from 'node:path';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import touchpoint from './eslint/layer-imports.js';

/**
 * Layers import downwards only (docs/ARCHITECTURE.md, "Layers"): what each folder under src/ MAY
 * import. A folder not listed here fails lint until it is placed.
 */
const LAYERS = {
  domain: ['domain'],
  storage: ['storage', 'domain'],
  board: ['board', 'domain'],
  app: ['app', 'domain', 'board', 'storage'],
  ui: ['ui', 'app', 'domain'],
  entries: ['entries', 'ui', 'app', 'domain', 'board', 'storage'],
};
/** Absolute, so running ESLint from another folder (e.g. src/) checks the same rule. */
const SRC = resolve(import.meta.dirname, 'src');

const noPackages = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const platformPackages = [
  { group: ['preact', 'preact/*', '@preact/*'], message: 'domain/ is pure: no Preact.' },
  { group: ['idb', 'idb/*'], message: 'domain/ is pure: no IndexedDB (storage/ owns idb).' },
  { group: ['@mirohq/*'], message: 'domain/ is pure: only board/ knows SDK types.' },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'public'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { touchpoint },
    rules: {
      'touchpoint/layer-imports': [
        'error',
        {
          root: SRC,
          layers: LAYERS,
          // The export names the app's version.
          outside: [resolve(import.meta.dirname, 'package.json')],
          // Tests beside the code may use the shared fakes in test/ and the published schema.
          testSupport: ['test', 'public/schema'].map((dir) => resolve(import.meta.dirname, dir)),
        },
      ],
    },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'smart'],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Never insert board text into the DOM as HTML.',
        },
        {
          selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Never insert board text into the DOM as HTML.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Never insert board text into the DOM as HTML.',
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      ...noPackages(platformPackages),
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'miro',
          'indexedDB',
          'localStorage',
          'navigator',
          'fetch',
          'self',
        ].map((name) => ({
          name,
          message: 'domain/ is pure TypeScript: no DOM, SDK or browser globals.',
        })),
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: noPackages([{ group: ['@mirohq/*'], message: 'The UI never calls the SDK.' }]),
  },
  prettier,
);
