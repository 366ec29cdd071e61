import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

// HTML sinks and code-from-string are banned everywhere we write code: untrusted text is never HTML.
const unsafeSyntax = [
  { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Never assign HTML strings: render text through lit templates.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Never insert HTML strings: render text through lit templates.' },
  { selector: "CallExpression[callee.property.name='createContextualFragment']", message: 'Never parse HTML strings.' },
  { selector: "CallExpression[callee.property.name='write'][callee.object.name='document']", message: 'document.write is banned.' },
  { selector: "ImportSpecifier[imported.name=/^(unsafeHTML|unsafeSVG|unsafeCSS|unsafeStatic)$/]", message: 'unsafe* lit helpers are banned: untrusted text must never become markup.' },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**', 'storybook-static/**', 'examples/dist/**', '**/custom-elements.json', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', ...unsafeSyntax],
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['lit/directives/unsafe-*', 'lit-html/directives/unsafe-*'], message: 'unsafe* lit directives are banned.' }],
      }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Package sources never write to the console: record content must never reach logs.
    files: ['packages/*/src/**/*.ts'],
    ignores: ['packages/*/src/**/*.test.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // Size limits (issue 17): a module a newcomer can read, functions that fit on a screen, branching a test can cover.
    // Blank lines and comments do not count. Tests, styles, fixtures and stories are data and checks, not logic.
    files: ['packages/*/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.styles.ts', '**/*.fixtures.ts', '**/*.stories.ts'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
      complexity: ['error', 20],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', '*.config.mjs', 'rollup.config.mjs', 'test/fhir-server/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
